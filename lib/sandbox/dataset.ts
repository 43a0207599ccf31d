import { FIXED_REFERENCE_TIME } from "./constants";
import { makeEmail, makePhone, makeWorkEmail } from "./contact";
import { type FeatureSet, featureSet } from "./feature-set";
import { makeDiditId, makeVendorData } from "./identifiers";
import { toWireDate, toWireTimestamp } from "./iso-time";
import { generatePerson, type Person, pickDisplayName } from "./person";
import { chance, fmix32, mulberry32, pick, pickWeighted, type Random, randomInt } from "./prng";
import type { SandboxStatus, SandboxTag, SandboxUser } from "./sandbox-user";
import { RISK_TAG_NAMES, TAGS } from "./seed-data";
import { NAME_GROUPS } from "./seed-names";
import { generateLastActivity, generateTimeline, type Timeline } from "./timeline";
import { generateVerification, type VerificationHistory } from "./verification";

export type { SandboxStatus, SandboxTag, SandboxUser } from "./sandbox-user";

export const DEFAULT_SANDBOX_SEED = 20261127;

const STATUS_WEIGHTS: readonly (readonly [SandboxStatus, number])[] = [
  ["ACTIVE", 80],
  ["FLAGGED", 15],
  ["BLOCKED", 5],
];

const ALL_COUNTRIES = [...new Set(NAME_GROUPS.flatMap((group) => group.countries))];
const RISK_TAGS = TAGS.filter((tag) => RISK_TAG_NAMES.has(tag.name));
const DOB_EARLIEST = Date.UTC(1950, 0, 1);
const DOB_LATEST = Date.UTC(2008, 0, 1);
// Most users have no tags, emails, phones or approved documents. One frozen empty value each,
// shared by all of them, spares 100,000-record datasets a few hundred thousand allocations.
const NO_TAGS: SandboxTag[] = Object.freeze([]) as unknown as SandboxTag[];
const NO_COUNTS: Record<string, number> = Object.freeze({});
const NO_FLAGS: Record<string, boolean> = Object.freeze({});
const PORTRAIT_BASE = "https://service-didit-verification.s3.amazonaws.com/portraits/";

export interface GenerateOptions {
  /**
   * "Now" for the records, in epoch milliseconds: every date is placed relative to it, none after
   * it. Defaults to FIXED_REFERENCE_TIME for callers that do not care which dates they get.
   */
  referenceTime?: number;
  seed?: number;
}

/**
 * Deterministic users in Didit's wire shape: the same count, seed and reference time give the
 * same records. Each record draws from its own stream seeded by (seed, position), so
 * `generateUsers(10)` is a prefix of `generateUsers(100_000)`. The reference time only moves
 * dates: the same seed on another day gives the same people, shifted in time.
 * Records share their nested objects (features, tags, empty maps), some of them frozen: treat the
 * records as read-only and copy before editing.
 */
export function generateUsers(count: number, options: GenerateOptions = {}): SandboxUser[] {
  const { referenceTime = FIXED_REFERENCE_TIME, seed = DEFAULT_SANDBOX_SEED } = options;
  const users = new Array<SandboxUser>(count);
  for (let position = 0; position < count; position++) {
    const random = mulberry32(fmix32((Math.imul(position, 0x9e3779b1) + seed) >>> 0));
    users[position] = generateUser(random, position, seed, referenceTime);
  }
  return users;
}

function generateUser(
  random: Random,
  position: number,
  seed: number,
  referenceTime: number,
): SandboxUser {
  const person = generatePerson(random);
  const status = pickWeighted(random, STATUS_WEIGHTS);
  // A user with no session exists only because the application registered their vendor_data,
  // and analysts rarely act on those.
  const hasSessions = !chance(random, status === "ACTIVE" ? 0.08 : 0.03);
  const history = generateVerification(random, status, hasSessions);
  const features = featureSet(history.keys, history.statusCodes);
  const timeline = generateTimeline(random, history.sessionCount, referenceTime);
  const id = makeDiditId(random, position, seed);
  const vendorData =
    hasSessions && chance(random, 0.06) ? null : makeVendorData(random, position, seed, person);
  const displayName = chance(random, hasSessions ? 0.35 : 0.5)
    ? pickDisplayName(random, person)
    : null;
  const fullName = features.documentCaptured ? person.fullName : null;
  const dateOfBirth =
    fullName !== null && chance(random, 0.97)
      ? toWireDate(DOB_EARLIEST + random() * (DOB_LATEST - DOB_EARLIEST))
      : null;
  const portrait =
    features.faceCaptured && chance(random, 0.97)
      ? `${PORTRAIT_BASE}${id}.jpg?X-Amz-Expires=3600`
      : null;

  const user: SandboxUser = {
    didit_internal_id: id,
    vendor_data: vendorData,
    display_name: displayName,
    full_name: fullName,
    date_of_birth: dateOfBirth,
    // Didit does not publish the fallback order; the doc sample shows display_name winning over
    // full_name, and ending at the id keeps the name from ever being empty.
    effective_name: displayName ?? fullName ?? vendorData ?? id,
    status,
    portrait_image_url: portrait,
    session_count: history.sessionCount,
    approved_count: history.approvedCount,
    declined_count: history.declinedCount,
    in_review_count: history.inReviewCount,
    issuing_states: issuingStates(random, person, history, features),
    approved_emails: approvedEmails(random, person, history, features),
    approved_phones: approvedPhones(random, person, history, features),
    features: features.features,
    features_list: features.features_list,
    last_session_at: nullableTimestamp(timeline.lastSessionAt),
    first_session_at: nullableTimestamp(timeline.firstSessionAt),
    tags: pickTags(random, status),
    created_at: toWireTimestamp(timeline.createdAt),
  };
  applyDrift(random, user, timeline, referenceTime);
  return user;
}

function nullableTimestamp(ms: number | null): string | null {
  return ms === null ? null : toWireTimestamp(ms);
}

/**
 * Null-prototype objects for maps keyed by per-user strings (emails, phones): V8 keeps them in
 * dictionary mode instead of minting a hidden class per distinct key, which halved their cost.
 */
function keyedByUser<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

// Didit counts approved documents per issuing country; no approved document, no entry.
function issuingStates(
  random: Random,
  person: Person,
  history: VerificationHistory,
  features: FeatureSet,
): Record<string, number> {
  if (!features.documentApproved) return NO_COUNTS;
  const states: Record<string, number> = {};
  states[person.country] = randomInt(random, 1, Math.max(1, history.approvedCount));
  // Residents abroad sometimes verify with a second country's permit.
  if (chance(random, 0.08)) {
    const other = pick(random, ALL_COUNTRIES);
    if (other !== person.country) states[other] = 1;
  }
  return states;
}

function approvedEmails(
  random: Random,
  person: Person,
  history: VerificationHistory,
  features: FeatureSet,
): Record<string, boolean> {
  if (history.sessionCount === 0) return NO_FLAGS;
  if (!features.emailApproved && !chance(random, 0.6)) return NO_FLAGS;
  const emails = keyedByUser<boolean>();
  emails[makeEmail(random, person)] = true;
  if (chance(random, 0.08)) emails[makeWorkEmail(person)] = true;
  return emails;
}

function approvedPhones(
  random: Random,
  person: Person,
  history: VerificationHistory,
  features: FeatureSet,
): Record<string, boolean> {
  if (history.sessionCount === 0) return NO_FLAGS;
  if (!features.phoneApproved && !chance(random, 0.35)) return NO_FLAGS;
  const phones = keyedByUser<boolean>();
  phones[makePhone(random, person.country)] = true;
  return phones;
}

function pickTags(random: Random, status: SandboxStatus): SandboxTag[] {
  const troubled = status !== "ACTIVE";
  if (!chance(random, troubled ? 0.6 : 0.2)) return NO_TAGS;
  const first = pick(random, troubled ? RISK_TAGS : TAGS);
  const second = chance(random, 0.25) ? pick(random, TAGS) : first;
  return second === first ? [first] : [first, second];
}

/**
 * docs/didit-api.md asks clients to accept every shape Didit's docs have shown; a few records in
 * each alternative shape make sure the app's parser meets them.
 */
function applyDrift(
  random: Random,
  user: SandboxUser,
  timeline: Timeline,
  referenceTime: number,
): void {
  if (chance(random, 0.03)) {
    user.issuing_states = Object.keys(user.issuing_states);
    user.approved_emails = Object.keys(user.approved_emails);
    user.approved_phones = Object.keys(user.approved_phones);
  }
  if (chance(random, 0.03)) {
    user.last_activity_at = nullableTimestamp(
      generateLastActivity(random, timeline, referenceTime),
    );
    user.risk_score = Math.round(random() * 100) / 100;
  }
  // Feature keys arrive in varying case.
  if (chance(random, 0.01)) {
    user.features = Object.fromEntries(
      Object.entries(user.features).map(([key, value]) => [key.toLowerCase(), value]),
    );
    user.features_list = user.features_list.map((entry) => ({
      ...entry,
      feature: entry.feature.toLowerCase(),
    }));
  }
}
