import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type ProposalRow, proposals } from "@/lib/db/schema";

/**
 * Four-eyes: a change one reviewer proposes and a second approves before Didit is told. A
 * pending proposal past its expiry counts as expired; it is never approved.
 */

export interface Reviewer {
  id: string;
  name: string;
}

export interface ProposalInput {
  userId: string;
  vendorData: string;
  statusBefore: string | null;
  statusAfter: string;
  reason: string;
}

/** Advisory lock class for "a proposal for this user is being recorded" (see `propose`). */
const PROPOSAL_LOCK = 0x1d1d_0002;

const pendingAt = (now: Date) => and(eq(proposals.state, "pending"), gt(proposals.expiresAt, now));

/** Which changes need a second reviewer, as INBOX_FOUR_EYES says. */
export function needsApproval(
  fourEyes: { block: boolean; unblock: boolean },
  statusBefore: string | null | undefined,
  statusAfter: string,
): boolean {
  if (fourEyes.block && statusAfter === "BLOCKED") return true;
  return fourEyes.unblock && statusBefore === "BLOCKED" && statusAfter !== "BLOCKED";
}

/**
 * Records a proposal, unless one is already pending for the user: then that one is answered,
 * and nothing new is stored.
 */
export async function propose(
  db: Db,
  input: ProposalInput,
  proposer: Reviewer,
  options: { now: Date; hours: number },
): Promise<{ proposal: ProposalRow; created: boolean }> {
  const { now, hours } = options;
  return db.transaction(async (tx) => {
    // With none pending yet, FOR UPDATE below locks no row, and two proposers at once would both
    // insert: a lock on the user for the transaction makes them take turns.
    await tx.execute(
      sql`select pg_advisory_xact_lock(${PROPOSAL_LOCK}::int, hashtext(${input.userId}::text))`,
    );
    const [existing] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.userId, input.userId), pendingAt(now)))
      .for("update");
    if (existing) return { proposal: existing, created: false };
    const [row] = await tx
      .insert(proposals)
      .values({
        ...input,
        proposerId: proposer.id,
        proposerName: proposer.name,
        createdAt: now,
        expiresAt: new Date(now.getTime() + hours * 3_600_000),
        state: "pending",
      })
      .returning();
    if (!row) throw new Error("proposal not stored");
    return { proposal: row, created: true };
  });
}

export type Review =
  | { ok: true; proposal: ProposalRow }
  | { ok: false; reason: "not_found" | "closed" | "own_proposal"; proposal?: ProposalRow };

/**
 * Marks a pending proposal approved or rejected by `reviewer`, never its proposer. One statement
 * does the check and the change, so two reviewers cannot both approve it.
 */
export async function review(
  db: Db,
  id: number,
  reviewer: Reviewer,
  verdict: { state: "approved" | "rejected"; reason: string | null },
  now: Date,
): Promise<Review> {
  const [current] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!current) return { ok: false, reason: "not_found" };
  if (current.proposerId === reviewer.id) {
    return { ok: false, reason: "own_proposal", proposal: current };
  }
  const [row] = await db
    .update(proposals)
    .set({
      state: verdict.state,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      reviewedAt: now,
      reviewReason: verdict.reason,
    })
    .where(and(eq(proposals.id, id), pendingAt(now)))
    .returning();
  return row ? { ok: true, proposal: row } : { ok: false, reason: "closed", proposal: current };
}

/** How long a reopened proposal stays open at least, so it can be approved again. */
const REOPENED_FOR_MS = 60 * 60_000;

/**
 * An approval whose change Didit did not make goes back to pending, to be approved again: open
 * for at least another hour, even if its expiry passed while Didit was asked.
 */
export async function reopen(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(proposals)
    .set({
      state: "pending",
      reviewerId: null,
      reviewerName: null,
      reviewedAt: null,
      expiresAt: sql`greatest(${proposals.expiresAt}, ${new Date(now.getTime() + REOPENED_FOR_MS)})`,
    })
    .where(and(eq(proposals.id, id), eq(proposals.state, "approved")));
}

export async function pendingProposals(
  db: Db,
  now: Date,
  options: { userIds?: string[]; limit?: number } = {},
): Promise<ProposalRow[]> {
  if (options.userIds?.length === 0) return [];
  return db
    .select()
    .from(proposals)
    .where(
      and(pendingAt(now), options.userIds ? inArray(proposals.userId, options.userIds) : undefined),
    )
    .orderBy(asc(proposals.createdAt))
    .limit(options.limit ?? 200);
}

/** Whether a proposal is past its expiry while still pending. */
export function isExpired(proposal: ProposalRow, now: Date): boolean {
  return proposal.state === "pending" && proposal.expiresAt <= now;
}
