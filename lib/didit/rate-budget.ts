import { processSingleton, resetProcessSingleton } from "@/lib/runtime/process-singleton";

/**
 * How many requests this server instance may still send to Didit. Didit allows 600 GET requests a
 * minute per key over a sliding 60 s window (docs/didit-api.md); answering 429 ourselves before that
 * keeps the key from being throttled for every analyst at once. Every attempt counts, retries
 * included, because Didit counts them too.
 *
 * It also remembers an upstream 429: until its Retry-After has passed, asking again would only
 * spend the key's quota on answers we already know.
 *
 * Pure and clock-injectable so it can be tested without waiting; the process-wide instance is
 * `sharedRateBudget`.
 */

export const WINDOW_MS = 60_000;

export type Admission =
  | { ok: true }
  | { ok: false; reason: "budget" | "cool-down" | "fair-share"; retryAfterMs: number };

/**
 * Fair share: while anyone else has asked within the window (sent or been refused), one analyst
 * may hold at most half of it. Alone, an analyst may use all of it; the moment a colleague asks,
 * the one holding more than half is held back until their share is back under half, so a loop or
 * a script in one browser cannot turn into 429s for the whole team.
 */
export const FAIR_SHARE = 0.5;

/**
 * A budget of requests to Didit: this process's own (RateBudget), or one shared by every
 * instance on a PostgreSQL store (lib/didit/postgres-budget.ts).
 */
export interface Budget {
  readonly perMinute: number;
  /** Claims a slot for one request, or says how long until one frees (see RateBudget.take). */
  take(party?: string | null): Admission | Promise<Admission>;
  /** Didit said 429: send nothing for `ms`. */
  coolDown(ms: number): void | Promise<void>;
  /** The share spent in the last minute, 0 to 1, as last seen (never waits). */
  used(): number;
}

export class RateBudget implements Budget {
  /** Start times of the attempts inside the window, oldest first, with who sent them. */
  readonly #sent: Array<{ at: number; party: string | null }> = [];
  /** When each party last asked (admitted or not), for "is anyone else waiting". */
  readonly #asked = new Map<string, number>();
  #coolDownUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) {
      throw new RangeError("perMinute must be a whole number of at least 1");
    }
  }

  /**
   * Claims a slot for one request to Didit, or says how long until one frees. `party` is the
   * analyst it is for (null: nobody in particular, such as start-up work), for the fair share.
   */
  take(party: string | null = null): Admission {
    const now = this.now();
    const since = now - WINDOW_MS;
    while (this.#sent.length > 0 && (this.#sent[0]?.at ?? now) <= since) this.#sent.shift();
    for (const [who, at] of this.#asked) if (at <= since) this.#asked.delete(who);
    if (party !== null) this.#asked.set(party, now);
    if (now < this.#coolDownUntil) {
      return { ok: false, reason: "cool-down", retryAfterMs: this.#coolDownUntil - now };
    }
    if (party !== null && this.#asked.size > 1) {
      const mine = this.#sent.filter((entry) => entry.party === party);
      const share = Math.max(1, Math.floor(this.perMinute * FAIR_SHARE));
      if (mine.length >= share) {
        // Back under half once enough of their own requests have left the window.
        const freeing = mine[mine.length - share];
        return {
          ok: false,
          reason: "fair-share",
          retryAfterMs: (freeing?.at ?? now) + WINDOW_MS - now,
        };
      }
    }
    const oldest = this.#sent[0];
    if (this.#sent.length >= this.perMinute && oldest !== undefined) {
      return { ok: false, reason: "budget", retryAfterMs: oldest.at + WINDOW_MS - now };
    }
    this.#sent.push({ at: now, party });
    return { ok: true };
  }

  /** The share of the budget spent in the last minute, from 0 to 1 (1 during a cool-down). */
  used(): number {
    const now = this.now();
    if (now < this.#coolDownUntil) return 1;
    const since = now - WINDOW_MS;
    const inWindow = this.#sent.filter((entry) => entry.at > since).length;
    return Math.min(1, inWindow / this.perMinute);
  }

  /** Didit said 429: send nothing for `ms`. A shorter cool-down never cuts a longer one short. */
  coolDown(ms: number): void {
    this.#coolDownUntil = Math.max(this.#coolDownUntil, this.now() + ms);
  }

  /** Forgets every request and any cool-down (a fresh process, as tests need it). */
  clear(): void {
    this.#sent.length = 0;
    this.#asked.clear();
    this.#coolDownUntil = Number.NEGATIVE_INFINITY;
  }
}

/**
 * The process-wide budget for the configured key: one per process, not per route bundle, or it
 * would mean nothing.
 */
export function sharedRateBudget(perMinute: number, kind: "read" | "write" = "read"): RateBudget {
  const name = kind === "read" ? "rate-budget" : "write-budget";
  const budget = processSingleton(name, () => new RateBudget(perMinute));
  if (budget.perMinute === perMinute) return budget;
  resetProcessSingleton(name);
  return processSingleton(name, () => new RateBudget(perMinute));
}
