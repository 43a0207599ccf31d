import { presentEvent } from "@/lib/activity/present";
import { activityWindow, parseActivityQuery } from "@/lib/activity/query-state";
import type { ActivityPage } from "@/lib/api/types";
import { auditAnalysts, listAuditEvents } from "@/lib/db/audit-queries";
import { getDatabase } from "@/lib/db/database";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** One page of the audit trail, newest first, filtered as /activity's URL says. */
export const GET = apiRoute({ name: "/api/activity" }, async ({ request }) => {
  const parsed = parseActivityQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalidQuery(parsed.fields);
  const { query } = parsed;
  const { db } = await getDatabase();
  const [{ events, total }, analysts] = await Promise.all([
    listAuditEvents(db, { ...query, ...activityWindow(query) }, query),
    auditAnalysts(db),
  ]);
  const page: ActivityPage = {
    events: events.map(presentEvent),
    total,
    limit: query.limit,
    offset: query.offset,
    analysts,
  };
  return json(page);
});
