import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * Runs before every page request: a per-request CSP nonce and the security headers.
 * Deliberately no authorization here: requests can skip middleware (CVE-2025-29927 and later
 * bypasses), so every page and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  return response;
}

export const config = {
  // API answers are JSON, never documents: they get a fixed deny-all CSP from next.config.ts and
  // skip this step (a measurable share of a proxied request's cost).
  matcher: [{ source: "/((?!_next/static|_next/image|api/).*)" }],
};
