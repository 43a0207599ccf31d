import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { auditedFilters, recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { exportGate } from "@/lib/export/export-gate";
import { usersCsvResponse } from "@/lib/export/users-csv-response";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, invalidQuery } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

/**
 * The whole view as CSV: the filters of `/api/users`; its page position is ignored. At most a few
 * exports run at once, per analyst and per instance (lib/export/export-gate.ts).
 */
export const GET = apiRoute(
  { name: "/api/exports/users", role: "reviewer" },
  async ({ request, onUpstream, analyst, requestId }) => {
    const params = new URLSearchParams(request.nextUrl.searchParams);
    params.delete("limit");
    params.delete("offset");
    const parsed = parseUsersQuery(params);
    if (!parsed.ok) return invalidQuery(parsed.fields);
    const admission = exportGate().acquire(analyst?.id ?? "", request.signal);
    if (!admission.ok) {
      return apiError("rate_limited", admission.message, { retryAfter: admission.retryAfterS });
    }
    const { slot } = admission;
    // onEnd runs however the export ends, a failure of its first page included; the signal
    // releases the slot too when the client goes away.
    return usersCsvResponse(parsed.query, {
      signal: request.signal,
      onUpstream,
      onEnd: ({ rows, outcome }) => {
        slot.release();
        recordExport(rows, outcome);
      },
    });

    // Who took which users out of the inbox: the filters (the search only as a digest) and how
    // many rows were actually sent.
    function recordExport(rows: number, outcome: string) {
      if (!parsed.ok || !analyst) return;
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
    }
  },
);
