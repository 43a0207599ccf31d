"use client";

import type { ClaimInfo, ProposalInfo } from "@/lib/api/types";
import { DECISION_LABELS, isUserStatus } from "@/lib/inbox/decisions";
import { useTeamState } from "./workspace-context";

const chip =
  "inline-flex min-w-0 max-w-full items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function claimLabel(claim: ClaimInfo): string {
  return `In review by ${claim.analyst.name}`;
}

export function proposalLabel(proposal: ProposalInfo): string {
  const action = isUserStatus(proposal.statusAfter)
    ? DECISION_LABELS[proposal.statusAfter]
    : proposal.statusAfter;
  return `${action} proposed by ${proposal.proposer.name}`;
}

export function ClaimChip({ claim }: { claim: ClaimInfo }) {
  return (
    <span
      data-testid="claim-chip"
      className={`${chip} ${
        claim.mine
          ? "bg-blue-50 text-blue-900 ring-blue-300 dark:bg-blue-950 dark:text-blue-100 dark:ring-blue-700"
          : "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700"
      }`}
    >
      <span className="truncate" title={claimLabel(claim)}>
        {claimLabel(claim)}
      </span>
    </span>
  );
}

export function ProposalChip({ proposal }: { proposal: ProposalInfo }) {
  return (
    <span
      data-testid="proposal-chip"
      className={`${chip} bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-700`}
    >
      <span className="truncate" title={proposalLabel(proposal)}>
        {proposalLabel(proposal)}
      </span>
    </span>
  );
}

/** Under a user's name in the table: who is on it, a pending proposal, how many notes. */
export function TeamMarks({ userId }: { userId: string }) {
  const { claim, notes, proposal } = useTeamState(userId);
  if (!claim && !proposal && notes === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1">
      {claim && <ClaimChip claim={claim} />}
      {proposal && <ProposalChip proposal={proposal} />}
      {notes > 0 && (
        <span
          data-testid="note-count"
          className={`${chip} bg-zinc-50 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600`}
        >
          {notes === 1 ? "1 note" : `${notes} notes`}
        </span>
      )}
    </div>
  );
}
