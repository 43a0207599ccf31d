import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { auditedFilters, recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { usersCsvResponse } from "@/lib/export/users-csv-response";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

/** The whole view as CSV: the filters of `/api/users`; its page position is ignored. */
export const GET = apiRoute(
  { name: "/api/exports/users" },
  async ({ request, onUpstream, analyst, requestId }) => {
    const params = new URLSearchParams(request.nextUrl.searchParams);
    params.delete("limit");
    params.delete("offset");
    const parsed = parseUsersQuery(params);
    if (!parsed.ok) return invalidQuery(parsed.fields);
    return usersCsvResponse(parsed.query, {
      signal: request.signal,
      onUpstream,
      // Who took which users out of the inbox: the filters (the search only as a digest) and how
      // many rows were actually sent.
      onEnd: ({ rows, outcome }) => {
        if (!analyst) return;
        void recordAuditEventQuietly(
          actorFor(analyst, authConfig.mode),
          AUDIT_ACTIONS.usersExported,
          {
            outcome: outcome === "done" ? "done" : "failed",
            outcomeCode: outcome,
            requestId,
            details: { filters: auditedFilters(parsed.query), rows },
          },
        );
      },
    });
  },
);
