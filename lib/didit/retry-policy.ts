/**
 * When a failed request to Didit is worth sending again, and after how long.
 *
 * Only reads and idempotent writes are retried (repeating any other write could apply it twice;
 * a status change sets the same status again, see docs/didit-api.md), and only on failures that are
 * usually over a moment later: a dropped or refused connection, or a 502/503/504 from Didit's
 * edge. A 4xx is Didit's considered answer and repeating it changes nothing; a 429 in particular
 * must not be hammered. A 500 is a bug upstream, not a hiccup.
 *
 * A timed-out attempt is not retried. A slow Didit is usually a loaded one, more requests make
 * that worse and spend the rate budget, and the analyst already waited a full attempt: the
 * browser's own retry (lib/inbox/query-client.ts) repeats a 504 once, so retrying here too would
 * multiply the wait. With the default 10 s timeout and 15 s deadline a second attempt could not
 * get its full time anyway.
 */

export const MAX_ATTEMPTS = 3;
export const BACKOFF_BASE_MS = 200;
export const BACKOFF_CAP_MS = 2_000;
/** A retry must be able to run this long (or a full attempt, if shorter) before the deadline. */
export const MIN_RETRY_WINDOW_MS = 1_000;

export type AttemptOutcome =
  | { kind: "response"; status: number }
  | { kind: "network"; transient: boolean }
  | { kind: "timeout" };

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export function isRetryable(
  method: string,
  outcome: AttemptOutcome,
  idempotent = method === "GET",
): boolean {
  if (!idempotent) return false;
  if (outcome.kind === "network") return outcome.transient;
  if (outcome.kind === "response") return RETRYABLE_STATUSES.has(outcome.status);
  return false;
}

/**
 * "Full jitter" exponential backoff: a random wait up to base × 2^retry, capped, so instances that
 * failed together do not come back together. `retry` counts from 0 for the first retry.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export interface RetryQuestion {
  method: string;
  /** Sending it twice does what sending it once does (GETs; status changes). */
  idempotent?: boolean;
  outcome: AttemptOutcome;
  /** Attempts made so far, including the one that just failed. */
  attempts: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** Time left before the overall deadline, now. */
  remainingMs: number;
  /** The configured per-attempt timeout. */
  timeoutMs: number;
}

/** True when one more attempt should be made after `delayMs`. */
export function shouldRetry(question: RetryQuestion): boolean {
  const { method, idempotent, outcome, attempts, delayMs, remainingMs, timeoutMs } = question;
  if (attempts >= MAX_ATTEMPTS || !isRetryable(method, outcome, idempotent)) return false;
  // An attempt with only moments left would end in a timeout that hides the real failure.
  return remainingMs - delayMs >= Math.min(timeoutMs, MIN_RETRY_WINDOW_MS);
}
