import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { decide } from "@/lib/decisions/decide";
import { decisionRequestSchema } from "@/lib/decisions/request";
import { updateUserStatus } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * Changes the status of 1–200 users, with a reason, each through Didit's update-status and each
 * on the audit trail before and after. Answers every user's outcome: a partial failure is shown
 * as partial, never as success.
 */
export const POST = apiRoute(
  { name: "/api/decisions", checkOrigin: true, role: "reviewer" },
  async ({ request, analyst, requestId }) => {
    const body = await readJsonBody(request, decisionRequestSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("a decision needs a signed-in analyst");
    const actor = actorFor(analyst, authConfig.mode);
    const result = await decide(body.data, {
      actor,
      requestId,
      // Not tied to the browser's connection: a change Didit is already making is seen through.
      change: (vendorData, change) => updateUserStatus(vendorData, change),
      record: (fields) => recordAuditEvent(actor, AUDIT_ACTIONS.statusChange, fields),
    });
    return json(result);
  },
);
