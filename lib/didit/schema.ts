import { z } from "zod";
import type { Feature, InboxUser, IssuingState, Tag, UserComment, UserDetailExtras } from "./types";

/**
 * Zod schemas for Didit's `GET /v3/users/` and `GET /v3/users/{vendor_data}/` answers, and the
 * reshaping of each upstream record into the app's own `InboxUser` / `InboxUserDetail`. Following
 * docs/didit-api.md: accept every documented shape, keep unknown feature keys and status strings as they
 * come, ignore unknown fields, never fail a page or a user over drift. Only a record without an identity (`didit_internal_id`) or with values of the wrong kind
 * is unreadable.
 */

const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** A timestamp the browser can parse, or null. Unparseable text is treated as absent, not fatal. */
/** UTC to the second or millisecond (`2025-06-15T10:30:00Z`, as Didit writes them). */
const PLAIN_UTC =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;

const timestamp = z
  .string()
  .nullish()
  .transform((value) => {
    if (!value) return null;
    // Four timestamps a record: skipping Date.parse + toISOString for the usual form is a third
    // of a 200-record page's validation time.
    const plain = PLAIN_UTC.exec(value);
    if (plain) return plain[1] ? value : `${value.slice(0, 19)}.000Z`;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  });

const count = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((value) => value ?? 0);

/** `{ "USA": 2 }` or `["USA"]`. */
const issuingStates = z
  .union([z.record(z.string(), z.number().nullable()), z.array(z.string())])
  .nullish()
  .transform((value): IssuingState[] => {
    if (!value) return [];
    if (Array.isArray(value)) return value.map((country) => ({ country, count: null }));
    return Object.entries(value).map(([country, n]) => ({ country, count: n }));
  });

/** `{ "a@b.c": true }` or `["a@b.c"]`: only entries marked approved are kept. */
const approvedSet = z
  .union([z.record(z.string(), z.unknown()), z.array(z.string())])
  .nullish()
  .transform((value): string[] => {
    if (!value) return [];
    if (Array.isArray(value)) return value;
    return Object.entries(value)
      .filter(([, approved]) => approved !== false && approved !== null)
      .map(([item]) => item);
  });

const featureStatus = z
  .string()
  .nullish()
  .transform((value) => value ?? "Unknown");

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const tag = z
  .object({
    uuid: z.string().nullish(),
    name: z.string(),
    color: z.string().nullish(),
  })
  .transform(
    (value): Tag => ({
      id: value.uuid ?? value.name,
      name: value.name,
      color: value.color && HEX_COLOUR.test(value.color) ? value.color : null,
    }),
  );

export const upstreamUserSchema = z
  .object({
    didit_internal_id: z.string().min(1),
    vendor_data: nullableString,
    display_name: nullableString,
    full_name: nullableString,
    effective_name: nullableString,
    date_of_birth: nullableString,
    status: z.string().min(1),
    portrait_image_url: nullableString,
    session_count: count,
    approved_count: count,
    declined_count: count,
    in_review_count: count,
    issuing_states: issuingStates,
    approved_emails: approvedSet,
    approved_phones: approvedSet,
    features: z.record(z.string(), featureStatus).nullish(),
    features_list: z.array(z.object({ feature: z.string(), status: featureStatus })).nullish(),
    tags: z.array(tag).nullish(),
    last_session_at: timestamp,
    first_session_at: timestamp,
    last_activity_at: timestamp,
    created_at: timestamp,
  })
  .transform((raw): InboxUser => {
    // The list keeps Didit's order; the map may name features the list lacks (older payloads).
    const features: Feature[] = raw.features_list?.map((f) => ({ ...f })) ?? [];
    const listed = new Set(features.map((f) => f.feature.toUpperCase()));
    for (const [feature, status] of Object.entries(raw.features ?? {})) {
      if (!listed.has(feature.toUpperCase())) features.push({ feature, status });
    }
    return {
      id: raw.didit_internal_id,
      vendorData: raw.vendor_data,
      displayName: raw.display_name,
      fullName: raw.full_name,
      effectiveName: raw.effective_name ?? raw.display_name ?? raw.full_name ?? raw.vendor_data,
      dateOfBirth: raw.date_of_birth,
      status: raw.status,
      portraitUrl: raw.portrait_image_url,
      sessions: {
        total: raw.session_count,
        approved: raw.approved_count,
        declined: raw.declined_count,
        inReview: raw.in_review_count,
      },
      issuingStates: raw.issuing_states,
      approvedEmails: raw.approved_emails,
      approvedPhones: raw.approved_phones,
      features,
      tags: raw.tags ?? [],
      firstSessionAt: raw.first_session_at,
      lastSessionAt: raw.last_session_at,
      lastActivityAt: raw.last_activity_at ?? raw.last_session_at,
      createdAt: raw.created_at,
    };
  });

export const upstreamListSchema = z.object({
  count: z.number().int().nonnegative(),
  next: z.string().nullish(),
  previous: z.string().nullish(),
  results: z.array(upstreamUserSchema),
});

const TEXT_KEYS = ["text", "comment", "body", "content"] as const;
const AUTHOR_KEYS = ["author", "created_by", "user"] as const;

function firstString(record: Record<string, unknown>, keys: readonly string[]) {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

const KIND_KEYS = ["action", "action_type", "type"] as const;
const NEW_STATUS_KEYS = ["new_status", "status"] as const;

/**
 * Didit documents `comments` without their shape (docs/didit-api.md): a plain string, or an
 * object with its text, kind, statuses and time under the likely names. An entry with neither
 * text nor a kind has nothing to show and is dropped; unknown kinds are kept as they come.
 */
function toComment(value: unknown): UserComment | null {
  if (typeof value === "string") return value.trim() === "" ? null : { text: value };
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const text = firstString(record, TEXT_KEYS);
  const kind = firstString(record, KIND_KEYS);
  if (text === undefined && kind === undefined) return null;
  const author = firstString(record, AUTHOR_KEYS);
  const previousStatus = firstString(record, ["previous_status"]);
  const newStatus = firstString(record, NEW_STATUS_KEYS);
  const createdAt = timestamp.safeParse(record.created_at);
  return {
    text: text ?? "",
    ...(author !== undefined && { author }),
    ...(record.created_at !== undefined && {
      created_at: createdAt.success ? createdAt.data : null,
    }),
    ...(kind !== undefined && { kind }),
    ...(previousStatus !== undefined && { previousStatus }),
    ...(newStatus !== undefined && { newStatus }),
  };
}

/**
 * What only the single-user endpoint adds to the list record. Parsed on its own next to
 * `upstreamUserSchema` (transformed schemas do not intersect). A value of the wrong kind is
 * treated as absent: these fields are extras, never a reason to fail the whole user.
 */
export const upstreamUserDetailExtrasSchema = z
  .object({
    metadata: z.record(z.string(), z.unknown()).nullish().catch(null),
    comments: z.array(z.unknown()).nullish().catch(null),
    updated_at: timestamp.catch(null),
  })
  .transform(
    (raw): UserDetailExtras => ({
      metadata: raw.metadata ?? {},
      comments: (raw.comments ?? []).flatMap((entry) => toComment(entry) ?? []),
      updatedAt: raw.updated_at,
    }),
  );
