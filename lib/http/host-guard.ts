import type { ApiErrorBody, ApiErrorCode } from "@/lib/api/types";
import { API_ERROR_STATUS } from "@/lib/api/types";
import { isLoopbackHost } from "@/lib/env/schema";

/**
 * Which requests the server answers at all, decided from their headers before anything else runs
 * (scripts/start.mjs asks for every request, static files included).
 *
 * - **Host.** Only the loopback names, and the host of INBOX_PUBLIC_URL. A web page an analyst
 *   visits can point its own name at 127.0.0.1 (DNS rebinding); its requests then reach the inbox
 *   as same-origin for the browser, but carry the attacker's name in `Host`, and are refused.
 * - **Forwarded headers without sign-in.** With INBOX_AUTH=none the inbox trusts being reachable
 *   only from this machine. A reverse proxy on the same host would publish it to the network
 *   without sign-in; proxies announce themselves with `X-Forwarded-*` or `Forwarded`, so such
 *   requests are refused.
 */

export interface HostPolicy {
  /** The public URL's hostname (lower case), if one is configured. */
  publicHost: string | null;
  /** INBOX_AUTH=none: nobody signs in, so nothing may arrive through a proxy. */
  refuseForwarded: boolean;
}

export interface Refusal {
  status: number;
  body: ApiErrorBody;
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** `example.test:3000` → `example.test`; `[::1]:3000` → `::1`. Null when it is not a host. */
export function hostnameOf(host: string): string | null {
  const value = host.trim().toLowerCase();
  if (value === "") return null;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    const rest = value.slice(end + 1);
    if (end < 0 || (rest !== "" && !/^:\d{1,5}$/.test(rest))) return null;
    return value.slice(1, end);
  }
  const match = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(value);
  return match?.[1] ?? null;
}

export function isAllowedHost(host: string | undefined, policy: HostPolicy): boolean {
  const hostname = host === undefined ? null : hostnameOf(host);
  if (hostname === null) return false;
  return isLoopbackHost(hostname) || hostname === policy.publicHost;
}

function refusal(code: ApiErrorCode, message: string): Refusal {
  return { status: API_ERROR_STATUS[code], body: { error: { code, message } } };
}

/** Null when the request may go on; otherwise the answer to send instead. */
export function checkRequestHeaders(headers: HeaderBag, policy: HostPolicy): Refusal | null {
  const host = headers.host;
  if (!isAllowedHost(typeof host === "string" ? host : undefined, policy)) {
    return refusal(
      "misdirected_host",
      "This server does not answer for that host name. Open the inbox at its own address.",
    );
  }
  if (policy.refuseForwarded) {
    const forwarded = Object.keys(headers).some((name) => {
      const lower = name.toLowerCase();
      return lower === "forwarded" || lower.startsWith("x-forwarded-") || lower === "x-real-ip";
    });
    if (forwarded) {
      return refusal(
        "forwarded_refused",
        "Without sign-in (INBOX_AUTH=none) the inbox answers only direct requests from this machine, not requests through a proxy.",
      );
    }
  }
  return null;
}

/**
 * A path that is not valid percent-encoded UTF-8 (`/api/users/%FF`) names nothing: 400 JSON here,
 * rather than the framework's 500 when it tries to decode it for a route parameter.
 */
export function checkRequestPath(url: string | undefined): Refusal | null {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return refusal("invalid_path", "The address is not valid: its path is not well-formed UTF-8.");
  }
}

/** Everything the server checks before the framework sees a request: host, proxies, path. */
export function checkRequest(
  headers: HeaderBag,
  url: string | undefined,
  policy: HostPolicy,
): Refusal | null {
  return checkRequestHeaders(headers, policy) ?? checkRequestPath(url);
}
