import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { decide } from "@/lib/decisions/decide";
import { type DecisionResponse, decisionRequestSchema } from "@/lib/decisions/request";
import { updateUserStatus } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { json } from "@/lib/http/responses";
import { announceDecision } from "@/lib/teamwork/decided";
import { proposeAll, splitForApproval } from "@/lib/teamwork/four-eyes";

export const dynamic = "force-dynamic";

/**
 * Changes the status of 1–200 users, with a reason, each through Didit's update-status and each
 * on the audit trail before and after. Answers every user's outcome: a partial failure is shown
 * as partial, never as success. With four-eyes on (INBOX_FOUR_EYES), the changes it covers are
 * recorded as proposals instead, and nothing about those users is sent to Didit.
 */
export const POST = apiRoute(
  { name: "/api/decisions", checkOrigin: true, role: "reviewer" },
  async ({ request, analyst, requestId }) => {
    const body = await readJsonBody(request, decisionRequestSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("a decision needs a signed-in analyst");
    const actor = actorFor(analyst, authConfig.mode);
    const split = await splitForApproval(body.data);
    const decided =
      split.now.length > 0
        ? await decide(
            { ...body.data, users: split.now },
            {
              actor,
              requestId,
              // Not tied to the browser's connection: a change Didit is already making is seen
              // through.
              change: (vendorData, change) => updateUserStatus(vendorData, change),
              record: (fields) => recordAuditEvent(actor, AUDIT_ACTIONS.statusChange, fields),
            },
          )
        : null;
    const proposed = await proposeAll(split.approval, body.data, analyst, requestId);
    await announceDecision(decided?.results ?? [], body.data.status, analyst);

    // In the order the users were asked for.
    const byId = new Map(
      [...(decided?.results ?? []), ...proposed, ...split.failed].map((result) => [
        result.id,
        result,
      ]),
    );
    const results = body.data.users.flatMap((user) => byId.get(user.id) ?? []);
    const count = (outcome: string) =>
      results.filter((result) => result.outcome === outcome).length;
    const response: DecisionResponse = {
      status: body.data.status,
      results,
      summary: {
        done: count("done"),
        failed: count("failed"),
        unknown: count("unknown"),
        proposed: count("proposed"),
      },
    };
    return json(response);
  },
);
