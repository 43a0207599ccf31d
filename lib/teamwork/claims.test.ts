import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  type Claimant,
  type ClaimTarget,
  claimsFor,
  claimsOf,
  claimUser,
  endClaims,
  releaseClaim,
} from "./claims";

const ANA: Claimant = { id: "oidc:ana", name: "Ana" };
const BEN: Claimant = { id: "oidc:ben", name: "Ben" };
const T0 = new Date("2026-06-01T09:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const CLAIM_MINUTES = 15;

let next = 0;
/** A user no other test touches: every test shares the suite's database. */
const user = (vendorData: string | null = "vd"): ClaimTarget => {
  next += 1;
  return { userId: `internal-${next}`, vendorData: vendorData && `${vendorData}-${next}` };
};
const options = (now: Date, takeOver = false) => ({ now, minutes: CLAIM_MINUTES, takeOver });

describeEachDatabase("claims", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  describe("claimUser", () => {
    it("claims an unclaimed user for the analyst, until the claim's minutes are up", async () => {
      const target = user();
      const result = await claimUser(database.db, target, ANA, options(T0));
      expect(result.kind).toBe("claimed");
      expect(result.claim).toEqual({
        userId: target.userId,
        vendorData: target.vendorData,
        analystId: ANA.id,
        analystName: ANA.name,
        claimedAt: T0,
        expiresAt: at(CLAIM_MINUTES),
      });
      expect(await claimsFor(database.db, [target.userId], at(1))).toEqual([result.claim]);
    });

    it("renews the analyst's own claim: the expiry moves, the start stays", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      const renewed = await claimUser(database.db, target, ANA, options(at(10)));
      expect(renewed.kind).toBe("renewed");
      expect(renewed.claim.analystId).toBe(ANA.id);
      expect(renewed.claim.claimedAt).toEqual(T0);
      expect(renewed.claim.expiresAt).toEqual(at(10 + CLAIM_MINUTES));
      // Still live after the first expiry would have passed.
      const [stored] = await claimsFor(database.db, [target.userId], at(CLAIM_MINUTES + 1));
      expect(stored?.expiresAt).toEqual(at(10 + CLAIM_MINUTES));
    });

    it("leaves a claim held by someone else alone when no takeover is asked for", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      const result = await claimUser(database.db, target, BEN, options(at(5)));
      expect(result.kind).toBe("held");
      expect(result.claim).toMatchObject({
        analystId: ANA.id,
        analystName: ANA.name,
        claimedAt: T0,
        expiresAt: at(CLAIM_MINUTES),
      });
      const [stored] = await claimsFor(database.db, [target.userId], at(5));
      expect(stored).toMatchObject({ analystId: ANA.id, expiresAt: at(CLAIM_MINUTES) });
    });

    it("takes a held claim over when asked, naming who held it", async () => {
      const target = user();
      const first = await claimUser(database.db, target, ANA, options(T0));
      const result = await claimUser(database.db, target, BEN, options(at(5), true));
      expect(result.kind).toBe("taken-over");
      if (result.kind !== "taken-over") return;
      expect(result.previous).toEqual(first.claim);
      expect(result.claim).toMatchObject({
        analystId: BEN.id,
        analystName: BEN.name,
        // A new claim: it begins now, not when Ana claimed the user.
        claimedAt: at(5),
        expiresAt: at(5 + CLAIM_MINUTES),
      });
      const [stored] = await claimsFor(database.db, [target.userId], at(6));
      expect(stored?.analystId).toBe(BEN.id);
    });

    it("a takeover of one's own claim is a renewal", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      const result = await claimUser(database.db, target, ANA, options(at(3), true));
      expect(result.kind).toBe("renewed");
      expect(result.claim.claimedAt).toEqual(T0);
    });

    it("lets another analyst claim an expired claim without a takeover", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      const result = await claimUser(database.db, target, BEN, options(at(CLAIM_MINUTES)));
      expect(result.kind).toBe("claimed");
      expect(result.claim).toMatchObject({
        analystId: BEN.id,
        claimedAt: at(CLAIM_MINUTES),
        expiresAt: at(2 * CLAIM_MINUTES),
      });
    });

    it("an analyst returning to their own expired claim starts a new one", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      const result = await claimUser(database.db, target, ANA, options(at(CLAIM_MINUTES + 5)));
      expect(result.kind).toBe("claimed");
      expect(result.claim.claimedAt).toEqual(at(CLAIM_MINUTES + 5));
    });

    it("claims users without vendor_data, keyed by their didit_internal_id", async () => {
      const target = user(null);
      expect(target.vendorData).toBeNull();
      const result = await claimUser(database.db, target, ANA, options(T0));
      expect(result.kind).toBe("claimed");
      expect(result.claim).toMatchObject({ userId: target.userId, vendorData: null });
      expect(await claimsFor(database.db, [target.userId], at(1))).toEqual([result.claim]);
      expect((await claimUser(database.db, target, BEN, options(at(1)))).kind).toBe("held");
      expect(await releaseClaim(database.db, target.userId, ANA.id, at(2))).toMatchObject({
        userId: target.userId,
        vendorData: null,
      });
    });

    it("lets exactly one of two analysts claiming at once win", async () => {
      const target = user();
      const results = await Promise.all([
        claimUser(database.db, target, ANA, options(T0)),
        claimUser(database.db, target, BEN, options(T0)),
      ]);
      expect(results.map((result) => result.kind).sort()).toEqual(["claimed", "held"]);
      const winner = results.find((result) => result.kind === "claimed");
      const loser = results.find((result) => result.kind === "held");
      expect(loser?.claim.analystId).toBe(winner?.claim.analystId);
      const stored = await claimsFor(database.db, [target.userId], at(1));
      expect(stored.map((claim) => claim.analystId)).toEqual([winner?.claim.analystId]);
    });
    it.skipIf(kind.name !== "PostgreSQL")(
      "lets one of two analysts win when both looked before either wrote",
      async () => {
        const pool = database.pool;
        if (!pool) throw new Error("PostgreSQL has a pool");
        const target = user();
        // Hold back every write to claims, so both claimants have read "unclaimed" first.
        const gate = await pool.connect();
        try {
          await gate.query("begin");
          await gate.query("lock table claims in share mode");
          const racing = Promise.all([
            claimUser(database.db, target, ANA, options(T0)),
            claimUser(database.db, target, BEN, options(T0)),
          ]);
          for (let waited = 0; ; waited += 20) {
            const { rows } = await pool.query(
              "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
            );
            if (rows[0].n >= 2) break;
            if (waited > 5000) throw new Error("the claimants never waited");
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await gate.query("commit");
          const results = await racing;
          expect(results.map((result) => result.kind).sort()).toEqual(["claimed", "held"]);
          const holders = new Set(results.map((result) => result.claim.analystId));
          expect(holders.size).toBe(1);
          const stored = await claimsFor(database.db, [target.userId], at(1));
          expect(stored.map((claim) => claim.analystId)).toEqual([...holders]);
        } finally {
          await gate.query("rollback").catch(() => undefined);
          gate.release();
        }
      },
    );
  });

  describe("releaseClaim", () => {
    it("ends the holder's claim, so anyone may claim the user", async () => {
      const target = user();
      const { claim } = await claimUser(database.db, target, ANA, options(T0));
      expect(await releaseClaim(database.db, target.userId, ANA.id, at(1))).toEqual(claim);
      expect(await claimsFor(database.db, [target.userId], at(1))).toEqual([]);
      expect((await claimUser(database.db, target, BEN, options(at(2)))).kind).toBe("claimed");
    });

    it("does nothing for an analyst who is not the holder", async () => {
      const target = user();
      const { claim } = await claimUser(database.db, target, ANA, options(T0));
      expect(await releaseClaim(database.db, target.userId, BEN.id, at(1))).toBeNull();
      expect(await claimsFor(database.db, [target.userId], at(1))).toEqual([claim]);
    });

    it("does nothing once the claim has expired, or where there is none", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      expect(await releaseClaim(database.db, target.userId, ANA.id, at(CLAIM_MINUTES))).toBeNull();
      expect(await releaseClaim(database.db, user().userId, ANA.id, T0)).toBeNull();
    });
  });

  describe("endClaims", () => {
    it("ends the claims on the given users, whoever held them, and no others", async () => {
      const [a, b, c] = [user(), user(), user()];
      await claimUser(database.db, a, ANA, options(T0));
      await claimUser(database.db, b, BEN, options(T0));
      await claimUser(database.db, c, ANA, options(T0));
      const ended = await endClaims(database.db, [a.userId, b.userId, user().userId]);
      expect(ended.map((claim) => claim.userId).sort()).toEqual([a.userId, b.userId].sort());
      const left = await claimsFor(database.db, [a.userId, b.userId, c.userId], at(1));
      expect(left.map((claim) => claim.userId)).toEqual([c.userId]);
    });

    it("ends nothing for no users", async () => {
      const target = user();
      await claimUser(database.db, target, ANA, options(T0));
      expect(await endClaims(database.db, [])).toEqual([]);
      expect(await claimsFor(database.db, [target.userId], at(1))).toHaveLength(1);
    });
  });

  describe("claimsFor and claimsOf", () => {
    it("claimsFor answers the live claims on the asked users only", async () => {
      const [a, b, c, unclaimed] = [user(), user(), user(), user()];
      await claimUser(database.db, a, ANA, options(T0));
      await claimUser(database.db, b, BEN, options(at(10)));
      await claimUser(database.db, c, BEN, options(T0));
      const ids = [a.userId, b.userId, unclaimed.userId];
      const live = await claimsFor(database.db, ids, at(1));
      expect(live.map((claim) => [claim.userId, claim.analystId]).sort()).toEqual(
        [
          [a.userId, ANA.id],
          [b.userId, BEN.id],
        ].sort(),
      );
      // Ana's claim expires at 15 minutes, Ben's at 25.
      const later = await claimsFor(database.db, ids, at(CLAIM_MINUTES));
      expect(later.map((claim) => claim.userId)).toEqual([b.userId]);
      expect(await claimsFor(database.db, [], at(1))).toEqual([]);
    });

    it("claimsOf answers one analyst's live claims, oldest first, up to the limit", async () => {
      const carl: Claimant = { id: "oidc:carl", name: "Carl" };
      const [a, b, c, d] = [user(), user(), user(), user()];
      await claimUser(database.db, b, carl, options(at(2)));
      await claimUser(database.db, a, carl, options(at(1)));
      await claimUser(database.db, c, carl, options(at(3)));
      // Someone else's claim, and one of Carl's that has expired by the time asked.
      await claimUser(database.db, d, ANA, options(at(2)));
      await claimUser(database.db, user(), carl, options(at(-20)));

      const mine = await claimsOf(database.db, carl.id, at(4));
      expect(mine.map((claim) => claim.userId)).toEqual([a.userId, b.userId, c.userId]);
      expect(mine.every((claim) => claim.analystId === carl.id)).toBe(true);
      const first = await claimsOf(database.db, carl.id, at(4), 2);
      expect(first.map((claim) => claim.userId)).toEqual([a.userId, b.userId]);
      expect(await claimsOf(database.db, "oidc:nobody", at(4))).toEqual([]);
    });
  });
});
