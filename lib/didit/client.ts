import "server-only";
import type { z } from "zod";
import type { UsersQuery } from "@/lib/inbox/query-state";
import type { UsersPage } from "@/lib/inbox/users-page";
import { errorForStatus, UpstreamError } from "./errors";
import { upstreamListSchema } from "./schema";
import { upstream as configuredUpstream, type Upstream } from "./upstream";

/**
 * The one client for Didit's users API. It alone knows the base URL, the key, the timeout and
 * how failures map to what the browser is told. It only ever requests URLs it builds from the
 * configured base: Didit's `next`/`previous` links are read as booleans, never fetched.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Date filters go upstream as unambiguous UTC instants; a bare date means that day's 00:00 UTC. */
function toInstant(value: string): string {
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value).toISOString();
}

export function buildListUrl(baseUrl: string, query: UsersQuery): URL {
  const url = new URL(`${baseUrl}/v3/users/`);
  const params = url.searchParams;
  if (query.status) params.set("status", query.status);
  if (query.search) params.set("search", query.search);
  if (query.country) params.set("country", query.country);
  for (const key of [
    "created_after",
    "created_before",
    "last_activity_after",
    "last_activity_before",
  ] as const) {
    const value = query[key];
    if (value) params.set(key, toInstant(value));
  }
  params.set("limit", String(query.limit));
  params.set("offset", String(query.offset));
  return url;
}

interface RequestOptions {
  signal?: AbortSignal;
  upstream?: Upstream;
}

async function getJson(url: URL, resource: "list" | "user", options: RequestOptions) {
  const { apiKey, timeoutMs } = options.upstream ?? configuredUpstream;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { "x-api-key": apiKey, accept: "application/json" },
      cache: "no-store",
      redirect: "manual",
      signal,
    });
  } catch (error) {
    if (timeout.aborted) {
      throw new UpstreamError(
        "upstream_timeout",
        504,
        `Didit did not answer within ${Math.round(timeoutMs / 1000)} s. Try again shortly.`,
      );
    }
    if (options.signal?.aborted) throw error;
    throw new UpstreamError(
      "upstream_unavailable",
      502,
      "Could not reach Didit. Try again shortly.",
    );
  }

  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new UpstreamError("upstream_unavailable", 502, "Didit's answer was cut off. Try again.");
  }
  let body: unknown;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    throw errorForStatus(response.status, body, response.headers.get("retry-after"), resource);
  }
  if (body === undefined) {
    throw new UpstreamError(
      "upstream_invalid",
      502,
      "Didit answered with something other than JSON.",
      {
        upstreamStatus: response.status,
      },
    );
  }
  return body;
}

function unreadable(error: z.ZodError): UpstreamError {
  const where = error.issues[0]?.path.join(".") ?? "";
  return new UpstreamError(
    "upstream_invalid",
    502,
    `Didit sent data the inbox cannot read${where ? ` (at ${where})` : ""}.`,
  );
}

/** Count values Didit reports as "at least": see CONTRACT.md (exact up to 100, capped above). */
const COUNT_CAP = 100;

export async function listUsers(
  query: UsersQuery,
  options: RequestOptions = {},
): Promise<UsersPage> {
  const base = (options.upstream ?? configuredUpstream).baseUrl;
  const body = await getJson(buildListUrl(base, query), "list", options);
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
