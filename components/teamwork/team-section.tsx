"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import {
  buttonClasses,
  dangerButtonClasses,
  inputClasses,
  primaryButtonClasses,
} from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { queryKeys } from "@/lib/api/query-keys";
import type { ProposalInfo } from "@/lib/api/types";
import type { InboxUser } from "@/lib/didit/types";
import { REASON_MIN, reasonError } from "@/lib/inbox/decisions";
import { ClaimChip, ProposalChip } from "./team-marks";
import { reviewProposal } from "./teamwork-queries";
import type { ClaimActions } from "./use-claim-actions";
import { useTeamState } from "./workspace-context";

export interface TeamSectionProps {
  user: InboxUser;
  /** Null for a viewer: they see who is on it, and cannot claim, approve or reject. */
  actions: ClaimActions | null;
}

/** Renew halfway to expiry while the user stays open, never more than once a minute. */
const MIN_RENEW_MS = 60_000;

/**
 * Who is working this user, and a four-eyes proposal awaiting approval: the panel's team bar.
 * Its "Claim", "Release" and "Take over" act at once; approval and rejection are a second
 * reviewer's.
 */
export function TeamSection({ user, actions }: TeamSectionProps) {
  const { claim, proposal } = useTeamState(user.id);
  const target = { id: user.id, vendorData: user.vendorData };
  const asking = actions?.question?.userId === user.id ? actions.question : null;
  const message = actions?.message?.userId === user.id ? actions.message.text : null;

  // A claim lasts while the claimant keeps the user open.
  const renewAt = claim?.mine ? Date.parse(claim.expiresAt) : null;
  const renew = actions?.renew;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the target is fixed by user.id
  useEffect(() => {
    if (renewAt === null || !renew) return;
    const wait = Math.max(MIN_RENEW_MS, (renewAt - Date.now()) / 2);
    const timer = setTimeout(() => renew(target), wait);
    return () => clearTimeout(timer);
  }, [renewAt, renew, user.id]);

  return (
    <section aria-label="Team" className="space-y-2 pb-4">
      <div className="flex flex-wrap items-center gap-2">
        {claim ? (
          <ClaimChip claim={claim} />
        ) : (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            Nobody is working this user.
          </span>
        )}
        {actions &&
          (claim?.mine ? (
            <button
              type="button"
              className={buttonClasses}
              onClick={() => void actions.release(user.id)}
            >
              Release
            </button>
          ) : (
            <button
              type="button"
              className={buttonClasses}
              // Named by the action alone; the key is said by aria-keyshortcuts.
              aria-label="Claim"
              aria-keyshortcuts="c"
              onClick={() => void actions.claim(target)}
            >
              Claim
              <kbd className="rounded border border-current/30 px-1 font-mono text-xs opacity-70">
                c
              </kbd>
            </button>
          ))}
      </div>
      {asking && actions && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          <span>
            In review by {asking.holder}. Take it over? They will see that you did, and it is
            recorded in the audit trail.
          </span>
          <button
            type="button"
            className={primaryButtonClasses}
            onClick={() => void actions.claim(target, true)}
          >
            Take over
          </button>
          <button type="button" className={buttonClasses} onClick={actions.dismissQuestion}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {message}
        </p>
      )}
      {proposal && <ProposalReview proposal={proposal} canReview={actions !== null} />}
    </section>
  );
}

function ProposalReview({ proposal, canReview }: { proposal: ProposalInfo; canReview: boolean }) {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const reasonId = useId();

  const send = async (verdict: { action: "approve" } | { action: "reject"; reason: string }) => {
    setPending(true);
    setProblem(null);
    try {
      const answer = await reviewProposal(proposal.id, verdict);
      if (answer.outcome && answer.outcome.outcome !== "done") setProblem(answer.outcome.message);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The review was not recorded.");
    } finally {
      setPending(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teamwork.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.queues.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    }
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    const invalid = reasonError(reason);
    if (invalid) return setProblem(invalid);
    void send({ action: "reject", reason: reason.trim() });
  };

  return (
    <div className="space-y-2 rounded-md border border-red-200 p-3 text-sm dark:border-red-900">
      <div className="flex flex-wrap items-center gap-2">
        <ProposalChip proposal={proposal} />
        <span className="text-zinc-600 dark:text-zinc-400">
          <RelativeTime value={proposal.createdAt} />
        </span>
      </div>
      <p className="break-words whitespace-pre-wrap">{proposal.reason}</p>
      {proposal.mine ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          Awaiting another reviewer's approval: nothing has been sent to Didit.
        </p>
      ) : canReview ? (
        rejecting ? (
          <form onSubmit={reject} className="space-y-2">
            <label htmlFor={reasonId} className="block font-medium">
              Reason for rejecting
            </label>
            <textarea
              id={reasonId}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={2}
              minLength={REASON_MIN}
              className={`${inputClasses} w-full`}
            />
            <div className="flex gap-2">
              <button type="submit" className={buttonClasses} disabled={pending}>
                Reject
              </button>
              <button type="button" className={buttonClasses} onClick={() => setRejecting(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={dangerButtonClasses}
              disabled={pending}
              onClick={() => void send({ action: "approve" })}
            >
              Approve
            </button>
            <button type="button" className={buttonClasses} onClick={() => setRejecting(true)}>
              Reject
            </button>
          </div>
        )
      ) : null}
      {problem && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  );
}
