import "server-only";
import { RateBudget } from "@/lib/didit/rate-budget";
import { upstream } from "@/lib/didit/upstream";

/**
 * The share of this instance's Didit budget that exports may use together. An export of 100,000
 * users is 500 requests: unpaced it would take nearly the whole minute's budget, and every analyst
 * browsing the inbox meanwhile would be answered 429. Paced, an export takes longer and browsing
 * keeps at least the other half. Exports still go through the shared budget as well (listUsers
 * takes a slot there for every attempt), so together they never exceed the configured limit.
 */
export const EXPORT_SHARE = 0.5;

let pacing: RateBudget | undefined;

/** One per process, shared by every export running in it. */
export function exportPacing(): RateBudget {
  pacing ??= new RateBudget(Math.max(1, Math.floor(upstream.rateLimitPerMinute * EXPORT_SHARE)));
  return pacing;
}
