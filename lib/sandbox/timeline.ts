import { SANDBOX_REFERENCE_TIME } from "./constants";
import { chance, type Random } from "./prng";

const DAY = 86_400_000;
const SPAN = 730 * DAY;

export interface Timeline {
  createdAt: number;
  firstSessionAt: number | null;
  lastSessionAt: number | null;
}

// Whole seconds, as Didit's timestamps have no fraction.
function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * Sign-ups over the two years before the reference date, growing over time (density rises
 * linearly), and sessions that mostly stop soon after onboarding, leaving users idle for months.
 */
export function generateTimeline(random: Random, sessionCount: number): Timeline {
  const createdAt = toSecond(SANDBOX_REFERENCE_TIME - SPAN + Math.sqrt(random()) * SPAN);
  if (sessionCount === 0) return { createdAt, firstSessionAt: null, lastSessionAt: null };
  // Most users are created by their first session; the rest were registered by API beforehand.
  const firstSessionAt = chance(random, 0.75)
    ? createdAt
    : toSecond(Math.min(SANDBOX_REFERENCE_TIME, createdAt + random() ** 3 * 30 * DAY));
  const lastSessionAt =
    sessionCount === 1
      ? firstSessionAt
      : toSecond(firstSessionAt + random() ** 2 * (SANDBOX_REFERENCE_TIME - firstSessionAt));
  return { createdAt, firstSessionAt, lastSessionAt };
}

/** Activity that is not a session (a status change, a data update) on newer-API records. */
export function generateLastActivity(random: Random, timeline: Timeline): number | null {
  const base = timeline.lastSessionAt ?? (chance(random, 0.5) ? timeline.createdAt : null);
  if (base === null) return null;
  return toSecond(Math.min(SANDBOX_REFERENCE_TIME, base + random() * 60 * DAY));
}
