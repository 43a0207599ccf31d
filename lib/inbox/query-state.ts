import { createLoader, createParser, createSerializer, type inferParserType } from "nuqs/server";
// zod/mini: the same validation with a fraction of the bundle, as this module runs in the browser.
import * as z from "zod/mini";
import {
  parseStrict,
  type StrictResult,
  wholeNumberString,
  zodParser,
  zodParsers,
} from "@/lib/url-state/zod-parsers";

/**
 * What a bookmark of the inbox means, defined once. The field schemas below are the only list of
 * the view's fields; from them come:
 * - the nuqs parsers of the page's URL state (an invalid value is dropped, defaults stay out),
 *   and `UsersQuery`, the type of a view, inferred from those parsers;
 * - the server page's first render (`loadInboxQuery`);
 * - the `/api/users` route handler (`parseUsersQuery`: an invalid value is a 400 naming the field);
 * - every URL built from a view: the page's, the export's, the status counts' and Didit's own
 *   (`serializeUsersQuery`, `serializeFilters`, lib/didit/client.ts).
 * Names are the Didit API's own, so a URL reads like the request it makes.
 */

export const USER_STATUSES = ["ACTIVE", "FLAGGED", "BLOCKED"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_SEARCH_LENGTH = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a date filter stands for, as Didit is sent it: a bare calendar date means that
 * day's 00:00 UTC, whatever the analyst's time zone; a date-time keeps its own offset.
 */
export function utcInstant(value: string): string {
  return new Date(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value).toISOString();
}

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

/** The filters of a view, in the order the URL lists them. */
const filterSchemas = {
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
};

/** Where in the filtered list a view stands. */
const positionSchemas = {
  limit: wholeNumberString(1, MAX_LIMIT),
  offset: wholeNumberString(0, Number.MAX_SAFE_INTEGER),
};

export const fieldSchemas = { ...filterSchemas, ...positionSchemas };

type FieldName = keyof typeof fieldSchemas;
export type FilterKey = keyof typeof filterSchemas;
/** The date-window filters, named `…_after` / `…_before` as Didit names them. */
export type DateFilterKey = Extract<FilterKey, `${string}_after` | `${string}_before`>;

export const FILTER_KEYS = Object.keys(filterSchemas) as FilterKey[];
export const DATE_FILTER_KEYS = FILTER_KEYS.filter(
  (key): key is DateFilterKey => key.endsWith("_after") || key.endsWith("_before"),
);

const filterParsers = zodParsers(filterSchemas);

export const inboxParsers = {
  ...filterParsers,
  limit: zodParser(positionSchemas.limit).withDefault(DEFAULT_LIMIT),
  offset: zodParser(positionSchemas.offset).withDefault(0),
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
  /** A queue from the inbox's own store instead of Didit's list: `mine` or `approval`. */
  queue: createParser<"mine" | "approval">({
    parse: (value) => (value === "mine" || value === "approval" ? value : null),
    serialize: String,
  }),
};

/** The filters and position of one inbox view: the page URL, the query key and the API query. */
export type UsersQuery = inferParserType<typeof inboxParsers>;
export type UsersFilters = Pick<UsersQuery, FilterKey>;

export const loadInboxQuery = createLoader(inboxParsers);

/** The whole list: no filter, first page, default size. */
export const ALL_USERS: Readonly<UsersQuery> = Object.freeze(loadInboxQuery({}));

/** Every filter cleared, as a patch for the URL state. */
export const NO_FILTERS: Readonly<UsersFilters> = Object.freeze(
  Object.fromEntries(FILTER_KEYS.map((key) => [key, null])) as UsersFilters,
);

/** `?status=FLAGGED&limit=100`: defaults and empty filters are left out. */
export const serializeUsersQuery = createSerializer(inboxParsers);

/** The filters of a view alone, for what covers every page (the CSV export). */
export const serializeFilters = createSerializer(filterParsers);

export type ParseResult = StrictResult<UsersQuery, FieldName>;

/** Strict parsing for the API: unknown parameters are ignored, an invalid one is reported. */
export function parseUsersQuery(params: URLSearchParams): ParseResult {
  return parseStrict(fieldSchemas, params, ALL_USERS);
}

/** True when any filter (not the position) differs from "everything". */
export function hasFilters(query: UsersQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== null);
}
