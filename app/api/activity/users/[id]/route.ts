import { presentEvent } from "@/lib/activity/present";
import type { UserActivity } from "@/lib/api/types";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { userAuditHistory } from "@/lib/db/audit-queries";
import { getDatabase } from "@/lib/db/database";
import type { AuditEventRow } from "@/lib/db/schema";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const DIDIT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The panel refetches this history whenever the user changes (a note, a claim, a decision, by
 * anyone). One "Opened a user" per analyst and user in this window records the visit, not every
 * refresh of it.
 */
const OPENED_WINDOW_MS = 10 * 60_000;

function openedRecently(rows: AuditEventRow[], analystId: string, now: number): boolean {
  return rows.some(
    (row) =>
      row.action === AUDIT_ACTIONS.userOpened &&
      row.analystId === analystId &&
      now - new Date(row.occurredAt).getTime() < OPENED_WINDOW_MS,
  );
}

/**
 * A user's history on the inbox's own trail, for the detail panel. Opening a user's detail is
 * itself audited: this is the request the panel makes when it opens, with or without vendor data
 * (once per analyst and user in OPENED_WINDOW_MS).
 */
export const GET = apiRoute<{ id: string }>(
  { name: "/api/activity/users/[id]" },
  async ({ request, params, analyst, requestId }) => {
    const vendorData = request.nextUrl.searchParams.get("vendorData");
    if (!DIDIT_ID.test(params.id)) {
      return apiError("invalid_query", "A Didit ID is 1 to 100 letters, digits, - or _.");
    }
    if (vendorData !== null && (vendorData.length === 0 || vendorData.length > 200)) {
      return apiError("invalid_query", "A user reference is 1 to 200 characters.");
    }
    const { db } = await getDatabase();
    const user = { id: params.id, vendorData };
    let rows = await userAuditHistory(db, user);
    if (analyst && !openedRecently(rows, analyst.id, Date.now())) {
      await recordAuditEventQuietly(actorFor(analyst, authConfig.mode), AUDIT_ACTIONS.userOpened, {
        targetInternalId: params.id,
        targetVendorData: vendorData,
        outcome: "done",
        requestId,
      });
      rows = await userAuditHistory(db, user);
    }
    const body: UserActivity = { events: rows.map(presentEvent) };
    return json(body);
  },
);
