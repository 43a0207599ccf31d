import "server-only";
import { createSerializer } from "nuqs/server";
import type { z } from "zod";
import type { UsersPage } from "@/lib/api/types";
import { config } from "@/lib/env/server";
import {
  DATE_FILTER_KEYS,
  inboxParsers,
  type UserStatus,
  type UsersQuery,
  utcInstant,
} from "@/lib/inbox/query-state";
import { portraitsValidUntil, type UpstreamCache } from "./cache";
import { UpstreamError } from "./errors";
import { getJson, type RequestOptions, writeJson } from "./request";
import { upstreamListSchema, upstreamUserDetailExtrasSchema, upstreamUserSchema } from "./schema";
import { upstreamCache } from "./shared-cache";
import { teamBudget } from "./team-budget";
import type { InboxUserDetail } from "./types";
import { upstream as configuredUpstream } from "./upstream";

export type { RequestOptions, UpstreamInfo } from "./request";

/** Options of the cached reads: `cache: null` always asks Didit (and shares nothing). */
export type ReadOptions = RequestOptions & { cache?: UpstreamCache | null };

/** A count is a one-row page from the start: kept longer than a page (DIDIT_COUNT_CACHE_SECONDS). */
function isCountQuery(query: UsersQuery): boolean {
  return query.limit === 1 && query.offset === 0;
}

/** Answers are JSON-sized, twice over for JavaScript's two-byte strings. */
const approximateBytes = (value: unknown) => JSON.stringify(value).length * 2;

/**
 * One read through the shared cache: identical reads in flight share one call to Didit, sent on
 * behalf of the first caller (its share of the rate budget), cut short only once every caller
 * waiting on it has gone; each caller stops waiting on its own abort.
 */
function cachedRead<T>(
  key: URL,
  ttlMs: number,
  options: ReadOptions,
  read: (options: RequestOptions) => Promise<T>,
  portraits: (value: T) => Array<string | null>,
): Promise<T> {
  const { cache = upstreamCache(), ...request } = options;
  if (cache === null) return read(request);
  return cache.load<T>(
    key.href,
    {
      ttlMs,
      size: approximateBytes,
      validUntil: (value, now) => portraitsValidUntil(portraits(value), now),
      signal: request.signal,
    },
    (signal) => read({ ...request, signal }),
  );
}

/**
 * The one client for Didit's users API. It alone knows the base URL and the key, and (through
 * request.ts) the timeouts, retries, rate budget and how failures map to what the browser is told.
 * It only ever requests URLs it builds from the configured base: Didit's `next`/`previous` links
 * are read as booleans, never fetched.
 */

/**
 * Didit's list URL for a view, from the view's own definition: the same fields and names as the
 * page's URL, with every position spelled out and date filters as unambiguous UTC instants.
 */
const serializeUpstreamQuery = createSerializer(inboxParsers, {
  clearOnDefault: false,
  processUrlSearchParams: (params) => {
    for (const key of DATE_FILTER_KEYS) {
      const value = params.get(key);
      if (value) params.set(key, utcInstant(value));
    }
    return params;
  },
});

export function buildListUrl(baseUrl: string, query: UsersQuery): URL {
  return new URL(serializeUpstreamQuery(`${baseUrl}/v3/users/`, query));
}

function unreadable(error: z.ZodError): UpstreamError {
  const where = error.issues[0]?.path.join(".") ?? "";
  return new UpstreamError(
    "upstream_invalid",
    `Didit sent data the inbox cannot read${where ? ` (at ${where})` : ""}.`,
  );
}

/**
 * How much of this instance's read budget the last minute spent (0 to 1): the browser prefetches
 * only while there is room (BUDGET_HEADER).
 */
export function readBudgetUsed(): number {
  return teamBudget(configuredUpstream.rateLimitPerMinute, "read").used();
}

/** How long answers are kept, from the configuration (lib/env/schema.ts). */
function cacheTimes() {
  return config.didit.cache;
}

/** Count values Didit reports as "at least": see docs/didit-api.md (exact up to 100, capped above). */
const COUNT_CAP = 100;

export function listUsers(query: UsersQuery, options: ReadOptions = {}): Promise<UsersPage> {
  const base = (options.upstream ?? configuredUpstream).baseUrl;
  const url = buildListUrl(base, query);
  const ttl = isCountQuery(query) ? cacheTimes().countMs : cacheTimes().listMs;
  return cachedRead(
    url,
    ttl,
    options,
    (request) => fetchPage(url, query, request),
    (page) => page.results.map((user) => user.portraitUrl),
  );
}

async function fetchPage(url: URL, query: UsersQuery, options: RequestOptions): Promise<UsersPage> {
  const body = await getJson(url, "list", options);
  const parsed = upstreamListSchema.safeParse(body);
  if (!parsed.success) throw unreadable(parsed.error);
  const { count, next, previous, results } = parsed.data;
  const hasNext = next != null;
  const end = query.offset + results.length;
  return {
    count: Math.max(count, end),
    countIsLowerBound: (hasNext && end >= count) || (count === COUNT_CAP && hasNext),
    limit: query.limit,
    offset: query.offset,
    hasNext,
    hasPrevious: previous != null || query.offset > 0,
    results,
  };
}

// `.` and `..` are dot segments: URL parsing would resolve them (even percent-encoded) into another
// path of the API, so no user can be addressed by them.
const DOT_SEGMENT = /^\.{1,2}$/;

/** Whether Didit's per-user endpoints can address this `vendor_data` at all. */
export function isAddressable(vendorData: string): boolean {
  return vendorData !== "" && !DOT_SEGMENT.test(vendorData);
}

export const UNADDRESSABLE_MESSAGE =
  "Didit's API cannot address a user whose vendor data is “.” or “..”: in a path, that means another address.";

export function buildUserUrl(baseUrl: string, vendorData: string): URL | null {
  if (!isAddressable(vendorData)) return null;
  return new URL(`${baseUrl}/v3/users/${encodeURIComponent(vendorData)}/`);
}

/** `GET /v3/users/{vendor_data}/`: one user, with the fields only that endpoint has. */
export function getUser(vendorData: string, options: ReadOptions = {}): Promise<InboxUserDetail> {
  const base = (options.upstream ?? configuredUpstream).baseUrl;
  const url = buildUserUrl(base, vendorData);
  if (url === null) {
    return Promise.reject(
      new UpstreamError("upstream_rejected_query", UNADDRESSABLE_MESSAGE, { neverSent: true }),
    );
  }
  return cachedRead(
    url,
    cacheTimes().listMs,
    options,
    (request) => fetchUser(url, request),
    (user) => [user.portraitUrl],
  );
}

async function fetchUser(url: URL, options: RequestOptions): Promise<InboxUserDetail> {
  const body = await getJson(url, "user", options);
  const user = upstreamUserSchema.safeParse(body);
  if (!user.success) throw unreadable(user.error);
  const extras = upstreamUserDetailExtrasSchema.safeParse(body);
  if (!extras.success) throw unreadable(extras.error);
  return { ...user.data, ...extras.data };
}

/** What the inbox learns from a status change that Didit accepted. */
export interface StatusChangeResult {
  /** The user's status as Didit now reports it, when its answer says (the body is loosely documented). */
  status: string | null;
}

/**
 * `PATCH /v3/users/{vendor_data}/update-status/`: sets a user's status, with the reason Didit
 * records in the user's activity. Idempotent in effect, so passing failures are retried
 * (docs/didit-api.md). Any 2xx answer is success, whatever its body.
 */
export async function updateUserStatus(
  vendorData: string,
  change: { status: UserStatus; reason: string },
  options: RequestOptions = {},
): Promise<StatusChangeResult> {
  const base = (options.upstream ?? configuredUpstream).baseUrl;
  const userUrl = buildUserUrl(base, vendorData);
  if (userUrl === null)
    throw new UpstreamError("upstream_rejected_query", UNADDRESSABLE_MESSAGE, { neverSent: true });
  const url = new URL("update-status/", userUrl);
  const body = await writeJson(
    url,
    "status",
    { method: "PATCH", json: change, idempotent: true },
    options,
  );
  const status =
    body && typeof body === "object" && typeof (body as { status?: unknown }).status === "string"
      ? (body as { status: string }).status
      : null;
  return { status };
}
