import { createLoader, createSerializer, type inferParserType } from "nuqs/server";
// zod/mini: this module also runs in the browser.
import * as z from "zod/mini";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import {
  parseStrict,
  type StrictResult,
  wholeNumberString,
  zodParser,
  zodParsers,
} from "@/lib/url-state/zod-parsers";

/**
 * What a bookmark of /activity means, defined once as for the inbox (lib/inbox/query-state.ts):
 * the page's URL state, the API's strict parsing and every URL built from a view.
 */

export const ACTIVITY_PAGE_SIZES = [25, 50, 100] as const;
export const ACTIVITY_DEFAULT_LIMIT = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const day = z.string().check(
  z.regex(ISO_DATE, "must be a date such as 2026-12-01"),
  z.refine((value) => z.iso.date().safeParse(value).success, "must be a real calendar date"),
);
const filterSchemas = {
  analyst: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  action: z.enum(Object.values(AUDIT_ACTIONS) as [string, ...string[]], {
    error: "is not a kind of activity",
  }),
  outcome: z.enum(AUDIT_OUTCOMES, { error: `must be one of ${AUDIT_OUTCOMES.join(", ")}` }),
  /** A user's Didit ID or vendor data. */
  user: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** UTC calendar days: from 00:00 of `from` to the end of `to`. */
  from: day,
  to: day,
};
const positionSchemas = {
  limit: wholeNumberString(1, 100),
  offset: wholeNumberString(0, Number.MAX_SAFE_INTEGER),
};
const fieldSchemas = { ...filterSchemas, ...positionSchemas };
type FieldName = keyof typeof fieldSchemas;
type FilterKey = keyof typeof filterSchemas;

export const ACTIVITY_FILTER_KEYS = Object.keys(filterSchemas) as FilterKey[];
const filterParsers = zodParsers(filterSchemas);

export const activityParsers = {
  ...filterParsers,
  limit: zodParser(positionSchemas.limit).withDefault(ACTIVITY_DEFAULT_LIMIT),
  offset: zodParser(positionSchemas.offset).withDefault(0),
};

export type ActivityQuery = inferParserType<typeof activityParsers>;
export const loadActivityQuery = createLoader(activityParsers);
export const serializeActivityQuery = createSerializer(activityParsers);
export const serializeActivityFilters = createSerializer(filterParsers);

export type ActivityParseResult = StrictResult<ActivityQuery, FieldName>;

/** Strict parsing for the API: unknown parameters are ignored, an invalid one is reported. */
export function parseActivityQuery(params: URLSearchParams): ActivityParseResult {
  const result = parseStrict(fieldSchemas, params, loadActivityQuery({}));
  if (result.ok && result.query.from && result.query.to && result.query.from > result.query.to) {
    return { ok: false, fields: { to: "must not be before from" } };
  }
  return result;
}

/** The instants a view's day window covers: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function activityWindow(query: Pick<ActivityQuery, "from" | "to">) {
  const next = (value: string) =>
    new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    from: query.from ? `${query.from}T00:00:00.000Z` : null,
    to: query.to ? next(query.to) : null,
  };
}
