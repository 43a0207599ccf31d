// Deliberately no `import "server-only"`: besides the Next route, the e2e suite serves this from a
// plain node:http server, where that marker package throws on import.
import { getDefaultSandboxIndex } from "./default-index";
import { detailResponse, jsonResponse, NOT_FOUND } from "./json-response";
import { pageLinks } from "./pagination-links";
import { querySandbox, type SandboxIndex } from "./query";
import { parseSandboxQuery } from "./query-params";
import { buildUserDetail } from "./user-detail";

export interface SandboxHandlerOptions {
  /** The only key accepted in `x-api-key`. */
  apiKey: string;
  /** Dataset to serve; defaults to the built-in one, built on first request. */
  users?: SandboxIndex;
}

type SandboxRoute = { kind: "list" } | { kind: "detail"; vendorData: string };

const LIST_PATH = /\/v3\/users\/?$/;
// Without the trailing slash too: Next.js redirects `/x/` to `/x` unless configured otherwise.
const DETAIL_PATH = /\/v3\/users\/([^/]+)\/?$/;

function matchRoute(pathname: string): SandboxRoute | null {
  if (LIST_PATH.test(pathname)) return { kind: "list" };
  const encoded = DETAIL_PATH.exec(pathname)?.[1];
  if (encoded === undefined) return null;
  try {
    return { kind: "detail", vendorData: decodeURIComponent(encoded) };
  } catch {
    // Malformed percent-encoding names no user.
    return null;
  }
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

function listUsers(url: URL, index: SandboxIndex): Response {
  const parsed = parseSandboxQuery(url.searchParams);
  if (!parsed.ok) return jsonResponse(400, parsed.errors);
  const { query } = parsed;
  const page = querySandbox(index, query);
  const links = pageLinks(url, { count: page.count, limit: query.limit, offset: query.offset });
  return jsonResponse(200, { count: page.count, ...links, results: page.results });
}

function userDetail(vendorData: string, index: SandboxIndex): Response {
  const user = index.byVendorData.get(vendorData);
  if (user === undefined) return detailResponse(404, NOT_FOUND);
  return jsonResponse(200, buildUserDetail(user, index.referenceTime));
}

/**
 * A Didit-compatible `GET /v3/users/` and `GET /v3/users/{vendor_data}/` on web-standard
 * Request/Response, so one implementation serves the Next route and a bare node:http server.
 * Checks run in Django's order: unknown path, then authentication, then method.
 */
export function handleSandboxRequest(request: Request, options: SandboxHandlerOptions): Response {
  const url = new URL(request.url);
  const route = matchRoute(url.pathname);
  if (route === null) return detailResponse(404, NOT_FOUND);
  const rejected = rejectKey(request.headers.get("x-api-key"), options.apiKey);
  if (rejected !== null) return rejected;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return detailResponse(405, `Method "${request.method}" not allowed.`, { allow: "GET, HEAD" });
  }
  const index = options.users ?? getDefaultSandboxIndex();
  const response =
    route.kind === "list" ? listUsers(url, index) : userDetail(route.vendorData, index);
  // Next.js answers HEAD with the GET handler; the body must go, the headers stay.
  if (request.method === "HEAD") return new Response(null, response);
  return response;
}
