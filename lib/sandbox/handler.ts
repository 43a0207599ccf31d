// Deliberately no `import "server-only"`: besides the Next route, the e2e suite serves this from a
// plain node:http server, where that marker package throws on import.
import { getDefaultSandboxIndex } from "./default-index";
import { detailResponse, jsonResponse, NOT_FOUND } from "./json-response";
import { pageLinks } from "./pagination-links";
import { querySandbox, type SandboxIndex } from "./query";
import { parseSandboxQuery } from "./query-params";
import {
  getDefaultSandboxRateLimiter,
  type SandboxRateLimiter,
  type SandboxRateScope,
  type SandboxThrottle,
} from "./rate-limit";
import {
  changeUserStatus,
  parseStatusChangeBody,
  readUserDetail,
  type SandboxStatusChange,
} from "./status-change";

export type { SandboxStatusChange } from "./status-change";

export interface SandboxHandlerOptions {
  /** The only key accepted in `x-api-key`. */
  apiKey: string;
  /** Dataset to serve; defaults to the built-in one, built on first request. Status changes edit it. */
  users?: SandboxIndex;
  /**
   * Per-key sliding-window limits; defaults to the process's limiter, which allows Didit's 300
   * writes a minute and does not limit GETs (rate-limit.ts says why). Pass
   * `createSandboxRateLimiter({ readsPerMinute: 600 })` for Didit's GET limit too.
   */
  rateLimiter?: SandboxRateLimiter;
  /** Epoch milliseconds, for the rate-limit windows and the time of a status change. */
  now?: () => number;
  /**
   * Called once a status has really changed (not for a no-op), after every read sees it: the seam
   * for the coming signed webhooks. It must not throw; the change is already made.
   */
  onStatusChanged?: (change: SandboxStatusChange) => void;
}

type SandboxRoute =
  | { kind: "list" }
  | { kind: "detail"; vendorData: string }
  | { kind: "update-status"; vendorData: string };

const LIST_PATH = /\/v3\/users\/?$/;
// Without the trailing slash too: Next.js redirects `/x/` to `/x` unless configured otherwise.
const DETAIL_PATH = /\/v3\/users\/([^/]+)\/?$/;
const UPDATE_STATUS_PATH = /\/v3\/users\/([^/]+)\/update-status\/?$/;

/** Larger bodies get 413 unread: a status and a 1,000-character reason fit many times over. */
export const MAX_BODY_BYTES = 64 * 1024;

function decodeVendorData(encoded: string): string | null {
  try {
    const vendorData = decodeURIComponent(encoded);
    // Dot segments are resolved away by every URL parser on the way, so Didit can never be asked
    // about these users (docs/didit-api.md); a raw path that still carries one names no user.
    return vendorData === "." || vendorData === ".." ? null : vendorData;
  } catch {
    // Malformed percent-encoding names no user.
    return null;
  }
}

function matchRoute(pathname: string): SandboxRoute | null {
  if (LIST_PATH.test(pathname)) return { kind: "list" };
  const update = UPDATE_STATUS_PATH.exec(pathname)?.[1];
  if (update !== undefined) {
    const vendorData = decodeVendorData(update);
    return vendorData === null ? null : { kind: "update-status", vendorData };
  }
  const detail = DETAIL_PATH.exec(pathname)?.[1];
  if (detail === undefined) return null;
  const vendorData = decodeVendorData(detail);
  return vendorData === null ? null : { kind: "detail", vendorData };
}

/** True when the request is one whose body the handler reads. */
function needsBody(route: SandboxRoute | null, method: string): boolean {
  return route?.kind === "update-status" && method === "PATCH";
}

// Didit answers 403 when no key is sent and 401 when the key is wrong (docs/didit-api.md). A plain
// comparison is fine: the sandbox key is public by design.
function rejectKey(sent: string | null, expected: string): Response | null {
  if (sent === null || sent === "") {
    return detailResponse(403, "You do not have permission to perform this action.");
  }
  if (sent !== expected) return detailResponse(401, "Invalid or missing API key");
  return null;
}

// Didit's generic scopes: GET, and POST/PATCH/DELETE; other methods count against neither.
function scopeOf(method: string): SandboxRateScope | null {
  if (method === "GET") return "read";
  if (method === "POST" || method === "PATCH" || method === "DELETE") return "write";
  return null;
}

// DRF's Throttled message; the X-RateLimit-* headers come only on 429s, as Didit sends them.
function throttled(throttle: SandboxThrottle): Response {
  const wait = throttle.retryAfterSeconds;
  return detailResponse(
    429,
    `Request was throttled. Expected available in ${wait} ${wait === 1 ? "second" : "seconds"}.`,
    {
      "retry-after": String(wait),
      "x-ratelimit-limit": String(throttle.limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(throttle.resetEpochSeconds),
    },
  );
}

function notAllowed(method: string, allow: string): Response {
  return detailResponse(405, `Method "${method}" not allowed.`, { allow });
}

function listUsers(url: URL, index: SandboxIndex): Response {
  const parsed = parseSandboxQuery(url.searchParams);
  if (!parsed.ok) return jsonResponse(400, parsed.errors);
  const { query } = parsed;
  const page = querySandbox(index, query);
  const links = pageLinks(url, { count: page.count, limit: query.limit, offset: query.offset });
  return jsonResponse(200, { count: page.count, ...links, results: page.results });
}

function userDetail(vendorData: string, index: SandboxIndex): Response {
  const user = readUserDetail(index, vendorData);
  if (user === null) return detailResponse(404, NOT_FOUND);
  return jsonResponse(200, user);
}

function updateStatus(
  request: Request,
  vendorData: string,
  body: string | null | undefined,
  index: SandboxIndex,
  options: SandboxHandlerOptions,
): Response {
  // The user is looked up before the method is checked: an unknown user's update-status is no
  // resource at all, so every method gets 404 for it, as it did before this endpoint existed.
  if (!index.byVendorData.has(vendorData)) return detailResponse(404, NOT_FOUND);
  if (request.method !== "PATCH") return notAllowed(request.method, "PATCH");
  if (body === undefined && request.body !== null) {
    throw new TypeError("A PATCH body must be read first: use serveSandboxRequest.");
  }
  if (
    body === null ||
    (body !== undefined && new TextEncoder().encode(body).length > MAX_BODY_BYTES)
  ) {
    return detailResponse(413, "Request body too large.");
  }
  const parsed = parseStatusChangeBody(body ?? "", request.headers.get("content-type"));
  if (!parsed.ok) return jsonResponse(parsed.status, parsed.body);
  const now = options.now ?? Date.now;
  const outcome = changeUserStatus(index, vendorData, parsed.request, now());
  if (!outcome.found) return detailResponse(404, NOT_FOUND);
  if (outcome.change !== null) options.onStatusChanged?.(outcome.change);
  return jsonResponse(200, outcome.user);
}

/**
 * A Didit-compatible `GET /v3/users/`, `GET /v3/users/{vendor_data}/` and
 * `PATCH /v3/users/{vendor_data}/update-status/` on web-standard Request/Response, so one
 * implementation serves the Next routes and a bare node:http server.
 * Checks run in Didit's order: unknown path, authentication, the rate limit (a middleware there,
 * so it counts requests that then fail), then (update-status: the user, see below) method and body.
 * Synchronous, for callers that only read; `body` is the already-read text of a PATCH (null: it
 * was over MAX_BODY_BYTES), which `serveSandboxRequest` supplies. A PATCH whose body was not
 * read throws rather than pass for an empty one.
 */
export function handleSandboxRequest(
  request: Request,
  options: SandboxHandlerOptions,
  body?: string | null,
): Response {
  const url = new URL(request.url);
  const route = matchRoute(url.pathname);
  if (route === null) return detailResponse(404, NOT_FOUND);
  const sentKey = request.headers.get("x-api-key");
  const rejected = rejectKey(sentKey, options.apiKey);
  if (rejected !== null) return rejected;
  const scope = scopeOf(request.method);
  if (scope !== null) {
    const limiter = options.rateLimiter ?? getDefaultSandboxRateLimiter();
    const throttle = limiter.take(options.apiKey, scope, (options.now ?? Date.now)());
    if (throttle !== null) return throttled(throttle);
  }
  const index = options.users ?? getDefaultSandboxIndex();
  if (route.kind === "update-status") {
    return updateStatus(request, route.vendorData, body, index, options);
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    return notAllowed(request.method, "GET, HEAD");
  }
  const response =
    route.kind === "list" ? listUsers(url, index) : userDetail(route.vendorData, index);
  // Next.js answers HEAD with the GET handler; the body must go, the headers stay.
  if (request.method === "HEAD") return new Response(null, response);
  return response;
}

async function readCapped(request: Request): Promise<string | null> {
  // Refused unread when declared too large; otherwise counted as it arrives, since the header may lie.
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) return null;
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Every sandbox request, the PATCH included: reads its body (at most MAX_BODY_BYTES) and hands
 * it to `handleSandboxRequest`.
 */
export async function serveSandboxRequest(
  request: Request,
  options: SandboxHandlerOptions,
): Promise<Response> {
  if (!needsBody(matchRoute(new URL(request.url).pathname), request.method)) {
    return handleSandboxRequest(request, options);
  }
  // Read before the checks so they all run in one place, in order; an oversized body is
  // answered 413 only after the path and key checks pass.
  return handleSandboxRequest(request, options, await readCapped(request));
}
