import { processSingleton } from "../runtime/process-singleton";

/** Didit's generic scopes (docs.didit.me/integration/rate-limiting): GET, and POST/PATCH/DELETE. */
export type SandboxRateScope = "read" | "write";

export const DIDIT_READS_PER_MINUTE = 600;
export const DIDIT_WRITES_PER_MINUTE = 300;

const WINDOW_MS = 60_000;

export interface SandboxRateLimits {
  /** GETs per key in any 60 s; null means unlimited. */
  readsPerMinute?: number | null;
  /** POST, PATCH and DELETE requests per key in any 60 s; null means unlimited. */
  writesPerMinute?: number | null;
}

/** What a throttled request is told: the numbers behind Didit's 429 headers. */
export interface SandboxThrottle {
  limit: number;
  /** Whole seconds until the oldest request in the window leaves it (at least 1). */
  retryAfterSeconds: number;
  /** Epoch seconds at which a slot frees, as Didit's `X-RateLimit-Reset`. */
  resetEpochSeconds: number;
}

export interface SandboxRateLimiter {
  /**
   * Counts one request of `scope` for `key` at `now` (epoch ms), or returns why it may not be
   * made. A throttled request is not counted, as in Didit, so waiting out `Retry-After` works.
   */
  take(key: string, scope: SandboxRateScope, now: number): SandboxThrottle | null;
}

/** Ascending times of the requests still inside the window. */
class SlidingWindow {
  private readonly times: number[] = [];

  constructor(private readonly limit: number) {}

  take(now: number): SandboxThrottle | null {
    const { times } = this;
    // At most `limit` entries are kept, so dropping from the front stays cheap.
    while (times.length > 0 && (times[0] ?? 0) <= now - WINDOW_MS) times.shift();
    if (times.length < this.limit) {
      times.push(now);
      return null;
    }
    const freesAt = (times[0] ?? now) + WINDOW_MS;
    return {
      limit: this.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
      resetEpochSeconds: Math.ceil(freesAt / 1000),
    };
  }
}

/**
 * Per-key sliding 60 s windows. The GET limit is off unless asked for: the benchmark and the e2e
 * suite send the sandbox far more than 600 GETs a minute, and the inbox's own budget
 * (lib/didit/rate-budget.ts) already keeps it under Didit's number.
 */
export function createSandboxRateLimiter(limits: SandboxRateLimits = {}): SandboxRateLimiter {
  const { readsPerMinute = null, writesPerMinute = DIDIT_WRITES_PER_MINUTE } = limits;
  const windows = new Map<string, SlidingWindow>();
  return {
    take(key, scope, now) {
      const limit = scope === "read" ? readsPerMinute : writesPerMinute;
      if (limit === null) return null;
      const name = `${scope}\u0000${key}`;
      let window = windows.get(name);
      if (window === undefined) {
        window = new SlidingWindow(limit);
        windows.set(name, window);
      }
      return window.take(now);
    },
  };
}

/**
 * The limiter the Next routes and node:http servers share when their options name none: one per
 * process, like the dataset, so every route bundle counts against the same windows.
 */
export function getDefaultSandboxRateLimiter(): SandboxRateLimiter {
  return processSingleton("sandbox-rate-limiter", () => createSandboxRateLimiter());
}
