import { presentEvent } from "@/lib/activity/present";
import type { UserActivity } from "@/lib/api/types";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { userAuditHistory } from "@/lib/db/audit-queries";
import { getDatabase } from "@/lib/db/database";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const DIDIT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * A user's history on the inbox's own trail, for the detail panel. Opening a user's detail is
 * itself audited: this is the request the panel makes when it opens, with or without vendor data.
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
    if (analyst) {
      await recordAuditEventQuietly(actorFor(analyst, authConfig.mode), AUDIT_ACTIONS.userOpened, {
        targetInternalId: params.id,
        targetVendorData: vendorData,
        outcome: "done",
        requestId,
      });
    }
    const { db } = await getDatabase();
    const rows = await userAuditHistory(db, { id: params.id, vendorData });
    const body: UserActivity = { events: rows.map(presentEvent) };
    return json(body);
  },
);
