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
  | { ok: false; reason: "budget" | "cool-down"; retryAfterMs: number };

export class RateBudget {
  /** Start times of the attempts inside the window, oldest first. */
  readonly #sent: number[] = [];
  #coolDownUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) {
      throw new RangeError("perMinute must be a whole number of at least 1");
    }
  }

  /** Claims a slot for one request to Didit, or says how long until one frees. */
  take(): Admission {
    const now = this.now();
    if (now < this.#coolDownUntil) {
      return { ok: false, reason: "cool-down", retryAfterMs: this.#coolDownUntil - now };
    }
    while (this.#sent.length > 0 && (this.#sent[0] ?? now) <= now - WINDOW_MS) this.#sent.shift();
    const oldest = this.#sent[0];
    if (this.#sent.length >= this.perMinute && oldest !== undefined) {
      return { ok: false, reason: "budget", retryAfterMs: oldest + WINDOW_MS - now };
    }
    this.#sent.push(now);
    return { ok: true };
  }

  /** Didit said 429: send nothing for `ms`. A shorter cool-down never cuts a longer one short. */
  coolDown(ms: number): void {
    this.#coolDownUntil = Math.max(this.#coolDownUntil, this.now() + ms);
  }

  /** Forgets every request and any cool-down (a fresh process, as tests need it). */
  clear(): void {
    this.#sent.length = 0;
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
