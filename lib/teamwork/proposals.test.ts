import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  isExpired,
  needsApproval,
  type ProposalInput,
  pendingProposals,
  propose,
  type Reviewer,
  reopen,
  review,
} from "./proposals";

const ANA: Reviewer = { id: "oidc:ana", name: "Ana" };
const BEN: Reviewer = { id: "oidc:ben", name: "Ben" };
const CARL: Reviewer = { id: "oidc:carl", name: "Carl" };
const T0 = new Date("2026-06-01T09:00:00Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const HOURS = 24;
const opts = (now: Date) => ({ now, hours: HOURS });

let next = 0;
const input = (overrides: Partial<ProposalInput> = {}): ProposalInput => {
  next += 1;
  return {
    userId: `internal-${next}`,
    vendorData: `user-${next}`,
    statusBefore: "FLAGGED",
    statusAfter: "BLOCKED",
    reason: "Document forged",
    ...overrides,
  };
};

describe("needsApproval", () => {
  const none = { block: false, unblock: false };
  const block = { block: true, unblock: false };
  const unblock = { block: false, unblock: true };
  const both = { block: true, unblock: true };

  it("needs nothing when four-eyes is off", () => {
    expect(needsApproval(none, "ACTIVE", "BLOCKED")).toBe(false);
    expect(needsApproval(none, "BLOCKED", "ACTIVE")).toBe(false);
  });

  it("with block on, any change to BLOCKED needs a second reviewer, whatever it was", () => {
    for (const before of ["ACTIVE", "FLAGGED", null, undefined, "BLOCKED"]) {
      expect(needsApproval(block, before, "BLOCKED")).toBe(true);
    }
    expect(needsApproval(block, "BLOCKED", "ACTIVE")).toBe(false);
    expect(needsApproval(block, "FLAGGED", "ACTIVE")).toBe(false);
  });

  it("with unblock on, only a change away from BLOCKED needs one", () => {
    expect(needsApproval(unblock, "BLOCKED", "ACTIVE")).toBe(true);
    expect(needsApproval(unblock, "BLOCKED", "FLAGGED")).toBe(true);
    expect(needsApproval(unblock, "BLOCKED", "BLOCKED")).toBe(false);
    expect(needsApproval(unblock, "ACTIVE", "BLOCKED")).toBe(false);
    expect(needsApproval(unblock, "FLAGGED", "ACTIVE")).toBe(false);
    // An unknown status before is not taken for BLOCKED.
    expect(needsApproval(unblock, null, "ACTIVE")).toBe(false);
    expect(needsApproval(unblock, undefined, "ACTIVE")).toBe(false);
  });

  it("with both on, both directions need one", () => {
    expect(needsApproval(both, "ACTIVE", "BLOCKED")).toBe(true);
    expect(needsApproval(both, "BLOCKED", "ACTIVE")).toBe(true);
    expect(needsApproval(both, "FLAGGED", "ACTIVE")).toBe(false);
  });
});

describeEachDatabase("four-eyes proposals", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  describe("propose", () => {
    it("stores a pending proposal, expiring after the configured hours", async () => {
      const change = input();
      const { proposal, created } = await propose(database.db, change, ANA, opts(T0));
      expect(created).toBe(true);
      expect(proposal).toMatchObject({
        ...change,
        proposerId: ANA.id,
        proposerName: ANA.name,
        createdAt: T0,
        expiresAt: at(HOURS),
        state: "pending",
        reviewerId: null,
        reviewerName: null,
        reviewedAt: null,
        reviewReason: null,
      });
      expect(await pendingProposals(database.db, at(1), { userIds: [change.userId] })).toEqual([
        proposal,
      ]);
    });

    it("answers the pending proposal instead of storing a second one for the same user", async () => {
      const change = input();
      const first = await propose(database.db, change, ANA, opts(T0));
      const second = await propose(
        database.db,
        { ...change, statusAfter: "ACTIVE", reason: "Something else" },
        BEN,
        opts(at(1)),
      );
      expect(second).toEqual({ proposal: first.proposal, created: false });
      expect(await pendingProposals(database.db, at(2), { userIds: [change.userId] })).toEqual([
        first.proposal,
      ]);
    });

    it("stores a new proposal once the pending one has expired or been decided", async () => {
      const change = input();
      const first = await propose(database.db, change, ANA, opts(T0));
      const afterExpiry = await propose(database.db, change, BEN, opts(at(HOURS)));
      expect(afterExpiry.created).toBe(true);
      expect(afterExpiry.proposal.id).not.toBe(first.proposal.id);

      const reviewed = await review(
        database.db,
        afterExpiry.proposal.id,
        ANA,
        { state: "rejected", reason: "No" },
        at(HOURS + 1),
      );
      expect(reviewed.ok).toBe(true);
      const third = await propose(database.db, change, CARL, opts(at(HOURS + 2)));
      expect(third.created).toBe(true);
      expect(third.proposal.proposerId).toBe(CARL.id);
    });
    it.skipIf(kind.name !== "PostgreSQL")(
      "stores one proposal when two proposers for the same user race",
      async () => {
        const pool = database.pool;
        if (!pool) throw new Error("PostgreSQL has a pool");
        const change = input();
        // Hold back every insert into proposals, so that both proposers have looked for a pending
        // proposal (and found none) before either can write theirs.
        const gate = await pool.connect();
        try {
          await gate.query("begin");
          await gate.query("lock table proposals in share mode");
          const racing = Promise.all([
            propose(database.db, change, ANA, opts(T0)),
            propose(database.db, { ...change, reason: "Other reason" }, BEN, opts(T0)),
          ]);
          // Both are waiting: on the gate, or on each other.
          for (let waited = 0; ; waited += 20) {
            const { rows } = await pool.query(
              "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
            );
            if (rows[0].n >= 2) break;
            if (waited > 5000) throw new Error("the proposers never waited");
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await gate.query("commit");
          const results = await racing;
          expect(results.map((result) => result.created).sort()).toEqual([false, true]);
          expect(results[0]?.proposal.id).toBe(results[1]?.proposal.id);
          expect(
            await pendingProposals(database.db, at(1), { userIds: [change.userId] }),
          ).toHaveLength(1);
        } finally {
          await gate.query("rollback").catch(() => undefined);
          gate.release();
        }
      },
    );
  });

  describe("review", () => {
    it("refuses the proposer's own review, leaving it pending", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      for (const state of ["approved", "rejected"] as const) {
        expect(await review(database.db, proposal.id, ANA, { state, reason: null }, at(1))).toEqual(
          { ok: false, reason: "own_proposal", proposal },
        );
      }
      expect(await pendingProposals(database.db, at(1), { userIds: [proposal.userId] })).toEqual([
        proposal,
      ]);
    });

    it("another reviewer's approval closes it, recording who and when", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      const result = await review(
        database.db,
        proposal.id,
        BEN,
        { state: "approved", reason: null },
        at(2),
      );
      expect(result).toEqual({
        ok: true,
        proposal: {
          ...proposal,
          state: "approved",
          reviewerId: BEN.id,
          reviewerName: BEN.name,
          reviewedAt: at(2),
          reviewReason: null,
        },
      });
      expect(await pendingProposals(database.db, at(2), { userIds: [proposal.userId] })).toEqual(
        [],
      );
    });

    it("another reviewer's rejection closes it, with the reason", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      const result = await review(
        database.db,
        proposal.id,
        BEN,
        { state: "rejected", reason: "Document is genuine" },
        at(3),
      );
      expect(result.ok).toBe(true);
      expect(result.proposal).toMatchObject({
        state: "rejected",
        reviewerId: BEN.id,
        reviewerName: BEN.name,
        reviewedAt: at(3),
        reviewReason: "Document is genuine",
      });
    });

    it("refuses to review a closed proposal again, answering it as it stands", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      const approved = await review(
        database.db,
        proposal.id,
        BEN,
        { state: "approved", reason: null },
        at(1),
      );
      const again = await review(
        database.db,
        proposal.id,
        CARL,
        { state: "rejected", reason: "Too late" },
        at(2),
      );
      expect(again).toEqual({ ok: false, reason: "closed", proposal: approved.proposal });
      // Carl's verdict was not written.
      const [stored] = await database.db.query.proposals.findMany({
        where: (row, { eq }) => eq(row.id, proposal.id),
      });
      expect(stored).toMatchObject({ state: "approved", reviewerId: BEN.id, reviewReason: null });
    });

    it("lets only one of two reviewers answering at once win", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      const results = await Promise.all([
        review(database.db, proposal.id, BEN, { state: "approved", reason: null }, at(1)),
        review(database.db, proposal.id, CARL, { state: "rejected", reason: "No way" }, at(1)),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok).map((result) => result.reason)).toEqual([
        "closed",
      ]);
    });

    it("answers not_found for a proposal that does not exist", async () => {
      expect(
        await review(database.db, 987_654_321, BEN, { state: "approved", reason: null }, T0),
      ).toEqual({ ok: false, reason: "not_found" });
    });
  });

  describe("expiry", () => {
    it("a pending proposal is expired from its expiry on, a reviewed one never", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      expect(isExpired(proposal, at(HOURS - 0.001))).toBe(false);
      expect(isExpired(proposal, at(HOURS))).toBe(true);
      expect(isExpired(proposal, at(10 * HOURS))).toBe(true);
      for (const state of ["approved", "rejected"]) {
        expect(isExpired({ ...proposal, state }, at(10 * HOURS))).toBe(false);
      }
    });

    it("an expired proposal cannot be approved: the review answers closed", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      const result = await review(
        database.db,
        proposal.id,
        BEN,
        { state: "approved", reason: null },
        at(HOURS),
      );
      expect(result).toEqual({ ok: false, reason: "closed", proposal });
      expect(result.proposal && isExpired(result.proposal, at(HOURS))).toBe(true);
      // Still its proposer's own, expired or not.
      expect(
        await review(database.db, proposal.id, ANA, { state: "approved", reason: null }, at(HOURS)),
      ).toMatchObject({ ok: false, reason: "own_proposal" });
    });
  });

  describe("reopen", () => {
    it("puts an approved proposal back to pending, without its reviewer, to approve again", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      await review(database.db, proposal.id, BEN, { state: "approved", reason: null }, at(1));
      await reopen(database.db, proposal.id, at(2));
      const [reopened] = await pendingProposals(database.db, at(2), {
        userIds: [proposal.userId],
      });
      expect(reopened).toEqual({
        ...proposal,
        state: "pending",
        reviewerId: null,
        reviewerName: null,
        reviewedAt: null,
      });
      const again = await review(
        database.db,
        proposal.id,
        CARL,
        { state: "approved", reason: null },
        at(3),
      );
      expect(again).toMatchObject({
        ok: true,
        proposal: { state: "approved", reviewerId: CARL.id },
      });
    });

    it("leaves pending and rejected proposals as they are", async () => {
      const pending = (await propose(database.db, input(), ANA, opts(T0))).proposal;
      const rejected = (await propose(database.db, input(), ANA, opts(T0))).proposal;
      const after = await review(
        database.db,
        rejected.id,
        BEN,
        { state: "rejected", reason: "Genuine" },
        at(1),
      );
      await reopen(database.db, pending.id, at(2));
      await reopen(database.db, rejected.id, at(2));
      await reopen(database.db, 987_654_321, at(2));
      const stored = await database.db.query.proposals.findMany({
        where: (row, { inArray }) => inArray(row.id, [pending.id, rejected.id]),
        orderBy: (row, { asc }) => asc(row.id),
      });
      expect(stored).toEqual([pending, after.proposal]);
    });
  });

  describe("reopen past the expiry", () => {
    it("keeps a proposal whose approval failed at Didit open for another hour", async () => {
      const { proposal } = await propose(database.db, input(), ANA, opts(T0));
      await review(database.db, proposal.id, BEN, { state: "approved", reason: null }, at(1));
      // Didit answered only after the proposal's own expiry.
      await reopen(database.db, proposal.id, at(HOURS + 1));
      const [reopened] = await pendingProposals(database.db, at(HOURS + 1.5), {
        userIds: [proposal.userId],
      });
      expect(reopened).toMatchObject({ id: proposal.id, state: "pending" });
      expect(reopened?.expiresAt).toEqual(at(HOURS + 2));
    });
  });

  describe("pendingProposals", () => {
    it("lists pending, unexpired proposals oldest first, for the asked users, up to the limit", async () => {
      const fresh = await kind.open();
      try {
        const older = (await propose(fresh.db, input(), ANA, opts(at(1)))).proposal;
        const oldest = (await propose(fresh.db, input(), BEN, opts(T0))).proposal;
        const newer = (await propose(fresh.db, input(), ANA, opts(at(2)))).proposal;
        const approved = (await propose(fresh.db, input(), ANA, opts(T0))).proposal;
        await review(fresh.db, approved.id, BEN, { state: "approved", reason: null }, at(3));
        const rejected = (await propose(fresh.db, input(), ANA, opts(T0))).proposal;
        await review(fresh.db, rejected.id, BEN, { state: "rejected", reason: "No" }, at(3));
        // Expired by the time asked.
        await propose(fresh.db, input(), ANA, opts(at(-HOURS)));

        const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
        expect(ids(await pendingProposals(fresh.db, at(4)))).toEqual([
          oldest.id,
          older.id,
          newer.id,
        ]);
        expect(ids(await pendingProposals(fresh.db, at(4), { limit: 2 }))).toEqual([
          oldest.id,
          older.id,
        ]);
        expect(
          ids(
            await pendingProposals(fresh.db, at(4), { userIds: [newer.userId, approved.userId] }),
          ),
        ).toEqual([newer.id]);
        expect(await pendingProposals(fresh.db, at(4), { userIds: [] })).toEqual([]);
        // One day on, the oldest has expired.
        expect(ids(await pendingProposals(fresh.db, at(HOURS)))).toEqual([older.id, newer.id]);
      } finally {
        await fresh.close();
      }
    });
  });
});
