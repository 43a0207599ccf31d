import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "@/lib/db/client";
import { createPostgresDatabase, databaseKinds } from "@/lib/testing/databases";
import { PostgresBudget } from "./postgres-budget";
import { RateBudget, WINDOW_MS } from "./rate-budget";

/**
 * The shared budget across instances: two pools on one database stand for two servers. With the
 * embedded store the budget is RateBudget, per process (rate-budget.test.ts).
 */
const postgres = databaseKinds().find((kind) => kind.name === "PostgreSQL");
const skip = postgres ? postgres.skip : "no PostgreSQL kind";

describe.skipIf(skip !== null)(
  `PostgresBudget, two instances on one PostgreSQL${skip ? ` (skipped: ${skip})` : ""}`,
  () => {
    const instances: Database[] = [];
    let url: string;
    let now = 1_000_000_000_000;
    const clock = () => now;
    let budgets = 0;

    beforeAll(async () => {
      const cluster = inject("postgres");
      if ("missing" in cluster) throw new Error(cluster.missing);
      url = await createPostgresDatabase(cluster.url);
      for (let i = 0; i < 2; i++) instances.push(await openDatabase({ kind: "postgres", url }));
    });
    afterAll(async () => {
      for (const database of instances) await database.close();
    });

    /** The same budget as each instance holds it (a fresh name per test: no state carried over). */
    function shared(perMinute: number) {
      const name = `test-${++budgets}`;
      return instances.map(
        (database) => new PostgresBudget(async () => database.db, name, perMinute, clock),
      );
    }

    it("lets both instances together send no more than the limit in any minute", async () => {
      const [one, two] = shared(10);
      if (!one || !two) throw new Error("two instances");
      const admitted = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? one : two).take(null)),
      );
      expect(admitted.filter((admission) => admission.ok)).toHaveLength(10);
      expect(admitted.find((admission) => !admission.ok)).toMatchObject({
        ok: false,
        reason: "budget",
      });
      expect(one.used()).toBe(1);
      now += WINDOW_MS;
      expect(await two.take(null)).toEqual({ ok: true });
      now += WINDOW_MS;
    });

    it("keeps the fair share across instances: a colleague elsewhere holds one analyst to half", async () => {
      const [one, two] = shared(10);
      if (!one || !two) throw new Error("two instances");
      for (let i = 0; i < 5; i++) expect((await one.take("ana")).ok).toBe(true);
      // Alone, Ana may use it all; once Ben asks on the other instance, she is held at half.
      expect((await one.take("ana")).ok).toBe(true);
      expect(await two.take("ben")).toEqual({ ok: true });
      expect(await one.take("ana")).toMatchObject({ ok: false, reason: "fair-share" });
      expect(await two.take("ben")).toEqual({ ok: true });
      now += WINDOW_MS;
    });

    it("shares Didit's 429: a cool-down on one instance holds the other back", async () => {
      const [one, two] = shared(10);
      if (!one || !two) throw new Error("two instances");
      await one.coolDown(30_000);
      await one.coolDown(5_000); // a shorter one never cuts the longer short
      expect(await two.take("ben")).toEqual({
        ok: false,
        reason: "cool-down",
        retryAfterMs: 30_000,
      });
      now += 30_000;
      expect(await two.take("ben")).toEqual({ ok: true });
      now += WINDOW_MS;
    });

    it("answers as the in-memory budget does, request for request", async () => {
      const [one] = shared(3);
      const memory = new RateBudget(3, clock);
      if (!one) throw new Error("one instance");
      for (const party of ["ana", "ana", "ben", "ana", "ben", "ben"]) {
        expect(await one.take(party)).toEqual(memory.take(party));
      }
      now += WINDOW_MS;
    });
  },
);
