import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { decide } from "@/lib/decisions/decide";
import { updateUserStatus } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { apiError, invalidQuery, json } from "@/lib/http/responses";
import { USER_STATUSES, type UserStatus } from "@/lib/inbox/query-state";
import { announce } from "@/lib/live/server";
import { announceDecision } from "@/lib/teamwork/decided";
import { proposalInfo } from "@/lib/teamwork/present";
import { reopen, review } from "@/lib/teamwork/proposals";
import { noteIdSchema, reviewSchema } from "@/lib/teamwork/requests";
import { audit, store } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const isStatus = (value: string): value is UserStatus =>
  (USER_STATUSES as readonly string[]).includes(value);

/**
 * `POST /api/proposals/{id}` with `{ action: "approve" }` or `{ action: "reject", reason }`:
 * a second reviewer's verdict on a four-eyes proposal. Approval sends the change to Didit, with
 * both names on the trail; the proposer cannot approve (403 `own_proposal`).
 */
export const POST = apiRoute<Params>(
  { name: "/api/proposals/[id]", checkOrigin: true, role: "reviewer" },
  async ({ request, params, analyst, requestId }) => {
    const id = noteIdSchema.safeParse(params.id);
    if (!id.success) return invalidQuery({ id: "must be a proposal id" });
    const body = await readJsonBody(request, reviewSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("a review needs a signed-in analyst");
    const db = await store();
    const verdict = body.data;
    const reviewed = await review(
      db,
      id.data,
      { id: analyst.id, name: analyst.name },
      verdict.action === "approve"
        ? { state: "approved", reason: null }
        : { state: "rejected", reason: verdict.reason },
      new Date(),
    );
    if (!reviewed.ok) {
      if (reviewed.reason === "not_found")
        return apiError("not_found", "There is no such proposal.");
      if (reviewed.reason === "own_proposal") {
        return apiError(
          "own_proposal",
          "You proposed this change: another reviewer must approve it.",
        );
      }
      return apiError(
        "proposal_closed",
        "This proposal is no longer pending (decided or expired).",
      );
    }
    const proposal = reviewed.proposal;
    const proposedBy = { id: proposal.proposerId, name: proposal.proposerName };
    const target = {
      targetInternalId: proposal.userId,
      targetVendorData: proposal.vendorData,
      statusBefore: proposal.statusBefore,
      statusAfter: proposal.statusAfter,
      requestId,
    };
    const me = { id: analyst.id, name: analyst.name };

    if (verdict.action === "reject") {
      await audit(analyst, AUDIT_ACTIONS.proposalRejected, {
        ...target,
        reason: verdict.reason,
        details: { proposalId: proposal.id, proposedBy },
      });
      await announce("proposal", { userIds: [proposal.userId], action: "rejected", analyst: me });
      return json({ proposal: proposalInfo(proposal, analyst.id), outcome: null });
    }

    if (!isStatus(proposal.statusAfter)) throw new Error("a proposal names an unknown status");
    const actor = actorFor(analyst, authConfig.mode);
    const result = await decide(
      {
        users: [
          { id: proposal.userId, vendorData: proposal.vendorData, status: proposal.statusBefore },
        ],
        status: proposal.statusAfter,
        reason: proposal.reason,
      },
      {
        actor,
        requestId,
        change: (vendorData, change) => updateUserStatus(vendorData, change),
        // The approver asks Didit; the proposer's name goes with every event of the change.
        record: (fields) =>
          recordAuditEvent(actor, AUDIT_ACTIONS.statusChange, {
            ...fields,
            details: { ...fields.details, proposalId: proposal.id, proposedBy },
          }),
      },
    );
    const [outcome] = result.results;
    if (outcome?.outcome === "failed") await reopen(db, proposal.id, new Date());
    await audit(analyst, AUDIT_ACTIONS.proposalApproved, {
      ...target,
      reason: proposal.reason,
      // What Didit made of it: a failed change reopens the proposal, to be approved again.
      outcome:
        outcome?.outcome === "done" || outcome?.outcome === "unknown" ? outcome.outcome : "failed",
      outcomeCode: outcome?.code ?? null,
      details: { proposalId: proposal.id, proposedBy },
    });
    await announceDecision(result.results, proposal.statusAfter, analyst);
    await announce("proposal", { userIds: [proposal.userId], action: "approved", analyst: me });
    return json({ proposal: proposalInfo(proposal, analyst.id), outcome: outcome ?? null });
  },
);
