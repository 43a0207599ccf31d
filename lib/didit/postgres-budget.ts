import { and, count, countDistinct, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateBudgetAsks, rateBudgetCoolDowns, rateBudgetSends } from "@/lib/db/schema";
import { type Admission, type Budget, FAIR_SHARE, WINDOW_MS } from "./rate-budget";

/** The advisory-lock class of the shared budgets (one lock per budget name). */
const BUDGET_LOCK = 0x1d1d0003;

/**
 * The same sliding-window budget as RateBudget (the same limit, fair share and cool-down), kept
 * in PostgreSQL so that every instance on the database draws on one allowance: N instances
 * together stay under Didit's per-key limit without dividing it by hand. Each admission is one
 * short transaction, serialised per budget by an advisory lock.
 */
export class PostgresBudget implements Budget {
  /** What the last admission saw, for `used()` (which must not wait on the database). */
  #lastUsed = 0;

  constructor(
    private readonly db: () => Promise<Db>,
    readonly name: string,
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) {
      throw new RangeError("perMinute must be a whole number of at least 1");
    }
  }

  async take(party: string | null = null): Promise<Admission> {
    const db = await this.db();
    const now = this.now();
    const at = new Date(now);
    const since = new Date(now - WINDOW_MS);
    const admission = await db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${BUDGET_LOCK}::int, hashtext(${this.name}))`,
      );
      await tx
        .delete(rateBudgetSends)
        .where(and(eq(rateBudgetSends.budget, this.name), lte(rateBudgetSends.sentAt, since)));
      await tx
        .delete(rateBudgetAsks)
        .where(and(eq(rateBudgetAsks.budget, this.name), lte(rateBudgetAsks.askedAt, since)));
      if (party !== null) {
        await tx
          .insert(rateBudgetAsks)
          .values({ budget: this.name, party, askedAt: at })
          .onConflictDoUpdate({
            target: [rateBudgetAsks.budget, rateBudgetAsks.party],
            set: { askedAt: at },
          });
      }
      const [coolDown] = await tx
        .select({ until: rateBudgetCoolDowns.until })
        .from(rateBudgetCoolDowns)
        .where(eq(rateBudgetCoolDowns.budget, this.name));
      const [sent] = await tx
        .select({ total: count() })
        .from(rateBudgetSends)
        .where(and(eq(rateBudgetSends.budget, this.name), gt(rateBudgetSends.sentAt, since)));
      const total = sent?.total ?? 0;
      this.#lastUsed = Math.min(1, total / this.perMinute);
      if (coolDown && coolDown.until.getTime() > now) {
        this.#lastUsed = 1;
        return {
          ok: false,
          reason: "cool-down",
          retryAfterMs: coolDown.until.getTime() - now,
        } as const;
      }
      if (party !== null) {
        const [others] = await tx
          .select({ n: countDistinct(rateBudgetAsks.party) })
          .from(rateBudgetAsks)
          .where(and(eq(rateBudgetAsks.budget, this.name), ne(rateBudgetAsks.party, party)));
        if ((others?.n ?? 0) > 0) {
          const mine = await tx
            .select({ sentAt: rateBudgetSends.sentAt })
            .from(rateBudgetSends)
            .where(
              and(
                eq(rateBudgetSends.budget, this.name),
                eq(rateBudgetSends.party, party),
                gt(rateBudgetSends.sentAt, since),
              ),
            )
            .orderBy(rateBudgetSends.sentAt);
          const share = Math.max(1, Math.floor(this.perMinute * FAIR_SHARE));
          if (mine.length >= share) {
            const freeing = mine[mine.length - share]?.sentAt.getTime() ?? now;
            return {
              ok: false,
              reason: "fair-share",
              retryAfterMs: freeing + WINDOW_MS - now,
            } as const;
          }
        }
      }
      if (total >= this.perMinute) {
        const [oldest] = await tx
          .select({ sentAt: rateBudgetSends.sentAt })
          .from(rateBudgetSends)
          .where(and(eq(rateBudgetSends.budget, this.name), gt(rateBudgetSends.sentAt, since)))
          .orderBy(rateBudgetSends.sentAt)
          .limit(1);
        return {
          ok: false,
          reason: "budget",
          retryAfterMs: (oldest?.sentAt.getTime() ?? now) + WINDOW_MS - now,
        } as const;
      }
      await tx.insert(rateBudgetSends).values({ budget: this.name, sentAt: at, party });
      this.#lastUsed = Math.min(1, (total + 1) / this.perMinute);
      return { ok: true } as const;
    });
    return admission;
  }

  /** Didit said 429: no instance sends anything for `ms`; a shorter one never cuts a longer. */
  async coolDown(ms: number): Promise<void> {
    const db = await this.db();
    const until = new Date(this.now() + ms);
    await db
      .insert(rateBudgetCoolDowns)
      .values({ budget: this.name, until })
      .onConflictDoUpdate({
        target: rateBudgetCoolDowns.budget,
        set: { until: sql`greatest(${rateBudgetCoolDowns.until}, excluded.until)` },
      });
    this.#lastUsed = 1;
  }

  used(): number {
    return this.#lastUsed;
  }
}
