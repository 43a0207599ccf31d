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
 * Sign-ups over the two years before `referenceTime`, growing over time (density rises linearly),
 * and sessions that mostly stop soon after onboarding, leaving users idle for months.
 * Every time is an offset back from `referenceTime`, so moving it by whole days moves each record
 * by the same amount and nothing else: the same users, equally recent, on any day. The shape is
 * what the quick views rely on: a few percent of users signed up in the last week, and last
 * activity spread over hours, days, weeks and months.
 */
export function generateTimeline(
  random: Random,
  sessionCount: number,
  referenceTime: number,
): Timeline {
  const createdAt = toSecond(referenceTime - SPAN + Math.sqrt(random()) * SPAN);
  if (sessionCount === 0) return { createdAt, firstSessionAt: null, lastSessionAt: null };
  // Most users are created by their first session; the rest were registered by API beforehand.
  const firstSessionAt = chance(random, 0.75)
    ? createdAt
    : toSecond(Math.min(referenceTime, createdAt + random() ** 3 * 30 * DAY));
  const lastSessionAt =
    sessionCount === 1
      ? firstSessionAt
      : toSecond(firstSessionAt + random() ** 2 * (referenceTime - firstSessionAt));
  return { createdAt, firstSessionAt, lastSessionAt };
}

/** Activity that is not a session (a status change, a data update) on newer-API records. */
export function generateLastActivity(
  random: Random,
  timeline: Timeline,
  referenceTime: number,
): number | null {
  const base = timeline.lastSessionAt ?? (chance(random, 0.5) ? timeline.createdAt : null);
  if (base === null) return null;
  return toSecond(Math.min(referenceTime, base + random() * 60 * DAY));
}
