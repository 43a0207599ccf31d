import "server-only";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { Analyst } from "@/lib/auth/session";
import type { DecisionRequest, DecisionTarget, UserOutcome } from "@/lib/decisions/request";
import { getUser } from "@/lib/didit/client";
import { UpstreamError } from "@/lib/didit/errors";
import { announce } from "@/lib/live/server";
import { needsApproval, propose } from "./proposals";
import { audit, store, teamwork } from "./service";

/**
 * Splits a decision into the users Didit may be told about now and those that need a second
 * reviewer (INBOX_FOUR_EYES). With `unblock` on, a user's current status decides, so it is read
 * from Didit rather than trusted from the browser.
 */
export async function splitForApproval(
  request: DecisionRequest,
): Promise<{ now: DecisionTarget[]; approval: DecisionTarget[]; failed: UserOutcome[] }> {
  const { fourEyes } = teamwork;
  if (!fourEyes.block && !fourEyes.unblock) return { now: request.users, approval: [], failed: [] };
  const now: DecisionTarget[] = [];
  const approval: DecisionTarget[] = [];
  const failed: UserOutcome[] = [];
  for (const target of request.users) {
    let before = target.status ?? null;
    if (fourEyes.unblock && request.status !== "BLOCKED" && target.vendorData !== null) {
      try {
        before = (await getUser(target.vendorData)).status;
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        failed.push({
          id: target.id,
          vendorData: target.vendorData,
          outcome: "failed",
          code: error.code,
          message: `Could not check whether this needs a second reviewer: ${error.message}`,
          status: null,
        });
        continue;
      }
    }
    const checked = { ...target, status: before };
    (target.vendorData !== null && needsApproval(fourEyes, before, request.status)
      ? approval
      : now
    ).push(checked);
  }
  return { now, approval, failed };
}

/** Records each user's change as a proposal for a second reviewer; nothing goes to Didit. */
export async function proposeAll(
  targets: DecisionTarget[],
  request: DecisionRequest,
  analyst: Analyst,
  requestId: string,
): Promise<UserOutcome[]> {
  const db = await store();
  const outcomes: UserOutcome[] = [];
  for (const target of targets) {
    const vendorData = target.vendorData as string;
    const { proposal, created } = await propose(
      db,
      {
        userId: target.id,
        vendorData,
        statusBefore: target.status ?? null,
        statusAfter: request.status,
        reason: request.reason,
      },
      { id: analyst.id, name: analyst.name },
      { now: new Date(), hours: teamwork.fourEyesHours },
    );
    if (created) {
      await audit(analyst, AUDIT_ACTIONS.proposalCreated, {
        targetInternalId: target.id,
        targetVendorData: vendorData,
        statusBefore: proposal.statusBefore,
        statusAfter: proposal.statusAfter,
        reason: proposal.reason,
        outcome: "pending",
        requestId,
        details: { proposalId: proposal.id },
      });
      await announce("proposal", {
        userIds: [target.id],
        action: "proposed",
        analyst: { id: analyst.id, name: analyst.name },
        status: request.status,
      });
    }
    outcomes.push({
      id: target.id,
      vendorData,
      outcome: "proposed",
      code: "proposed",
      message: created
        ? "Proposed: another reviewer must approve it before Didit is told."
        : `Already proposed by ${proposal.proposerName}, awaiting another reviewer's approval.`,
      status: null,
    });
  }
  return outcomes;
}
