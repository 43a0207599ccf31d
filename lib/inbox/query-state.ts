import { createLoader, createParser, createSerializer } from "nuqs/server";
// zod/mini: the same validation with a fraction of the bundle, as this module runs in the browser.
import * as z from "zod/mini";

/**
 * What a bookmark of the inbox means, defined once. The same field schemas drive:
 * - the URL state of the page (nuqs parsers: an invalid value is dropped, defaults stay out of the URL),
 * - the server page's first render (`loadInboxQuery`),
 * - the `/api/users` route handler (`parseUsersQuery`: an invalid value is a 400 naming the field).
 * Names are the Didit API's own, so a URL reads like the request it makes.
 */

export const USER_STATUSES = ["ACTIVE", "FLAGGED", "BLOCKED"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_SEARCH_LENGTH = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ISO 8601: a calendar date (read as UTC midnight) or a date-time with `Z` or an offset. */
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const isoDateOrDateTime = z.pipe(
  z.string().check(z.trim()),
  z
    .string()
    .check(
      z.refine(
        (value) => (ISO_DATE.test(value) ? isoDate : isoDateTime).safeParse(value).success,
        "must be an ISO 8601 date (2025-06-01) or date-time (2025-06-01T08:00:00Z)",
      ),
    ),
);

const integerString = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.regex(/^\d+$/, "must be a whole number")),
    z.pipe(
      z.transform(Number),
      z
        .number()
        .check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`)),
    ),
  );

export const fieldSchemas = {
  status: z.enum(USER_STATUSES, { error: `must be one of ${USER_STATUSES.join(", ")}` }),
  search: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "must not be empty"),
      z.maxLength(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`),
    ),
  country: z.pipe(
    z
      .string()
      .check(
        z.trim(),
        z.regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 3166-1 alpha-3 code such as ESP"),
      ),
    z.transform((value: string) => value.toUpperCase()),
  ),
  created_after: isoDateOrDateTime,
  created_before: isoDateOrDateTime,
  last_activity_after: isoDateOrDateTime,
  last_activity_before: isoDateOrDateTime,
  limit: integerString(1, MAX_LIMIT),
  offset: integerString(0, Number.MAX_SAFE_INTEGER),
} as const;

type FieldName = keyof typeof fieldSchemas;
type FieldValue<K extends FieldName> = z.output<(typeof fieldSchemas)[K]>;

function parserFor<K extends FieldName>(name: K) {
  return createParser<FieldValue<K>>({
    parse: (value) => {
      const result = fieldSchemas[name].safeParse(value);
      return result.success ? (result.data as FieldValue<K>) : null;
    },
    serialize: String,
  });
}

export const inboxParsers = {
  status: parserFor("status"),
  search: parserFor("search"),
  country: parserFor("country"),
  created_after: parserFor("created_after"),
  created_before: parserFor("created_before"),
  last_activity_after: parserFor("last_activity_after"),
  last_activity_before: parserFor("last_activity_before"),
  limit: parserFor("limit").withDefault(DEFAULT_LIMIT),
  offset: parserFor("offset").withDefault(0),
};

/**
 * Everything else a colleague needs to see the same screen: the open user (its
 * `didit_internal_id`). Not sent to Didit, so not part of `UsersQuery`.
 */
export const viewParsers = {
  user: createParser<string>({
    parse: (value) => (/^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : null),
    serialize: String,
  }),
};

/** The filters and position of one inbox view: the page URL, the query key and the API query. */
export interface UsersQuery {
  status: UserStatus | null;
  search: string | null;
  country: string | null;
  created_after: string | null;
  created_before: string | null;
  last_activity_after: string | null;
  last_activity_before: string | null;
  limit: number;
  offset: number;
}

/** The whole list: no filter, first page, default size. */
export const ALL_USERS: Readonly<UsersQuery> = Object.freeze({
  status: null,
  search: null,
  country: null,
  created_after: null,
  created_before: null,
  last_activity_after: null,
  last_activity_before: null,
  limit: DEFAULT_LIMIT,
  offset: 0,
});

export const FILTER_KEYS = [
  "status",
  "search",
  "country",
  "created_after",
  "created_before",
  "last_activity_after",
  "last_activity_before",
] as const satisfies readonly FieldName[];

export const loadInboxQuery = createLoader(inboxParsers);

/** `?status=FLAGGED&limit=100`: defaults and empty filters are left out. */
export const serializeUsersQuery = createSerializer(inboxParsers);

export type ParseResult =
  | { ok: true; query: UsersQuery }
  | { ok: false; fields: Partial<Record<FieldName, string>> };

/** Strict parsing for the API: unknown parameters are ignored, an invalid one is reported. */
export function parseUsersQuery(params: URLSearchParams): ParseResult {
  const query: UsersQuery = { ...ALL_USERS };
  const fields: Partial<Record<FieldName, string>> = {};
  for (const name of Object.keys(fieldSchemas) as FieldName[]) {
    const raw = params.get(name);
    // An empty value is how forms send "no filter"; it is not an error.
    if (raw === null || raw.trim() === "") continue;
    const result = fieldSchemas[name].safeParse(raw);
    if (result.success) {
      Object.assign(query, { [name]: result.data });
    } else {
      fields[name] = result.error.issues[0]?.message ?? "is invalid";
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, query };
}

/** True when any filter (not the position) differs from "everything". */
export function hasFilters(query: UsersQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== null);
}
