import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { listUsers, type RequestOptions } from "@/lib/didit/client";
import { UpstreamError } from "@/lib/didit/errors";
import type { RateBudget } from "@/lib/didit/rate-budget";
import type { InboxUser } from "@/lib/didit/types";
import { MAX_LIMIT, type UsersQuery } from "@/lib/inbox/query-state";
import { exportPacing } from "./export-pacing";

/**
 * Every user matching a view's filters, one upstream page at a time and only when asked for the
 * next: nothing is fetched ahead of the consumer, so memory holds one page whatever the total.
 */

export const EXPORT_PAGE_SIZE = MAX_LIMIT;
/**
 * Hard cap on one export. At 200 users a request and half the default budget that is about
 * 20 minutes of requests, and a file few spreadsheet programs can open (Excel stops at 1,048,576
 * rows). Larger views must be split by filters (e.g. by creation date).
 */
export const MAX_EXPORT_ROWS = 1_000_000;
/** A wait longer than this for one request means something is wrong: the export gives up. */
export const MAX_PAUSE_MS = 2 * 60_000;
/** Total waiting on the rate limit (held back or Didit's 429) one export may do. */
export const MAX_TOTAL_PAUSE_MS = 10 * 60_000;

export interface ExportPage {
  users: InboxUser[];
  /** From the page: Didit's count, which may be a lower bound (`countIsLowerBound`). */
  count: number;
  countIsLowerBound: boolean;
}

export interface UserPagesOptions {
  signal: AbortSignal;
  /** Passed to every listUsers call (tests inject a roomier `budget` or another `upstream`). */
  request?: Omit<RequestOptions, "signal">;
  /** The exports' own pacing; defaults to the process-wide share (export-pacing.ts). */
  pacing?: RateBudget;
  maxRows?: number;
  /** How to wait; tests pass one that advances a fake clock. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Every wait on the rate limit, as it starts. */
  onPause?: (pause: { ms: number; reason: "pacing" | "rate_limited" }) => void;
}

export class ExportTooLargeError extends Error {
  override name = "ExportTooLargeError";

  constructor(readonly maxRows: number) {
    super(`The export stopped at its limit of ${maxRows.toLocaleString("en-US")} users.`);
  }
}

const defaultWait = (ms: number, signal: AbortSignal) =>
  sleep(ms, undefined, { signal }).then(() => undefined);

/** The wait a failure asks for, when it is the rate limit's 429 and nothing else. */
function rateLimitWaitMs(error: unknown): number | null {
  if (!(error instanceof UpstreamError) || error.code !== "rate_limited") return null;
  const seconds = error.details.retryAfter;
  return seconds === undefined ? null : seconds * 1000;
}

export async function* userPages(
  filters: UsersQuery,
  options: UserPagesOptions,
): AsyncGenerator<ExportPage, void, undefined> {
  const { signal } = options;
  const pacing = options.pacing ?? exportPacing();
  const wait = options.wait ?? defaultWait;
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  let pausedMs = 0;

  async function fetchPage(offset: number) {
    for (;;) {
      signal.throwIfAborted();
      const admission = pacing.take();
      if (!admission.ok) {
        options.onPause?.({ ms: admission.retryAfterMs, reason: "pacing" });
        await wait(admission.retryAfterMs, signal);
        continue;
      }
      try {
        return await listUsers(
          { ...filters, limit: EXPORT_PAGE_SIZE, offset },
          { ...options.request, signal },
        );
      } catch (error) {
        // Held back by the shared budget, or Didit said 429: the export waits its turn rather
        // than failing, within limits. Anything else is a real failure.
        const ms = rateLimitWaitMs(error);
        if (ms === null || ms > MAX_PAUSE_MS || pausedMs + ms > MAX_TOTAL_PAUSE_MS) throw error;
        pausedMs += ms;
        options.onPause?.({ ms, reason: "rate_limited" });
        await wait(ms, signal);
      }
    }
  }

  let offset = 0;
  let rows = 0;
  let previousIds = new Set<string>();
  for (;;) {
    const page = await fetchPage(offset);
    // Offsets shift when users are added while the export runs (the list is newest first): the
    // users pushed over a page boundary would come twice. They can only come from the page before.
    const users = page.results.filter((user) => !previousIds.has(user.id));
    rows += users.length;
    if (rows > maxRows) throw new ExportTooLargeError(maxRows);
    yield { users, count: page.count, countIsLowerBound: page.countIsLowerBound };
    // `next` is the truth about more pages (docs/didit-api.md); an empty page ends it too, so a
    // confused upstream cannot keep the export going forever.
    if (!page.hasNext || page.results.length === 0) return;
    // By what came rather than by the page size asked for: an upstream that caps pages lower
    // would otherwise have users skipped.
    offset += page.results.length;
    previousIds = new Set(page.results.map((user) => user.id));
  }
}
