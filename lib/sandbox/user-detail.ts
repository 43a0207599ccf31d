import { toWireTimestamp } from "./iso-time";
import { chance, hashString, mulberry32, pick, type Random, randomInt } from "./prng";
import type { SandboxNoteComment, SandboxUser, SandboxUserDetail } from "./sandbox-user";
import {
  COMMENT_AUTHORS,
  COMMENT_TEXTS,
  METADATA_PLANS,
  METADATA_SIGNUP_SOURCES,
} from "./seed-data";

const DAY = 86_400_000;

function latestActivity(user: SandboxUser): number {
  const candidates = [user.created_at, user.last_session_at, user.last_activity_at];
  let latest = Number.NEGATIVE_INFINITY;
  for (const timestamp of candidates) {
    if (timestamp) latest = Math.max(latest, Date.parse(timestamp));
  }
  return latest;
}

function makeMetadata(random: Random): Record<string, string> {
  // Applications that never set metadata get an empty object, not null.
  if (chance(random, 0.1)) return {};
  const metadata: Record<string, string> = {
    plan: pick(random, METADATA_PLANS),
    signup_source: pick(random, METADATA_SIGNUP_SOURCES),
  };
  if (chance(random, 0.2)) metadata.referral_code = `REF-${randomInt(random, 1000, 9999)}`;
  return metadata;
}

function makeComments(random: Random, user: SandboxUser, from: number, to: number) {
  // Analysts write about the users they had to look at.
  const count = user.status === "ACTIVE" ? (chance(random, 0.2) ? 1 : 0) : randomInt(random, 1, 3);
  const times = Array.from({ length: count }, () => from + random() * (to - from));
  times.sort((a, b) => a - b);
  return times.map(
    (time): SandboxNoteComment => ({
      author: pick(random, COMMENT_AUTHORS),
      text: pick(random, COMMENT_TEXTS),
      created_at: toWireTimestamp(time),
    }),
  );
}

/**
 * The single-user endpoint's record: the list row plus `metadata`, `comments` and `updated_at`.
 * Derived from the user's id rather than stored, so the list dataset stays lean and the extra
 * fields are still the same on every request. `referenceTime` is the dataset's "now": no update
 * or comment is later than it.
 */
export function buildUserDetail(user: SandboxUser, referenceTime: number): SandboxUserDetail {
  const random = mulberry32(hashString(user.didit_internal_id));
  const lastChange = latestActivity(user);
  const updatedAt = Math.max(lastChange, Math.min(referenceTime, lastChange + random() * 5 * DAY));
  return {
    ...user,
    metadata: makeMetadata(random),
    comments: makeComments(random, user, Date.parse(user.created_at), updatedAt),
    updated_at: toWireTimestamp(updatedAt),
  };
}
