import { type NextRequest, NextResponse } from "next/server";
import { parseConfig } from "@/lib/env/schema";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

/** Read once: the server refused to start if the configuration was invalid. */
const { portraitHosts } = parseConfig(process.env);

/**
 * Runs before every page request: a per-request CSP nonce. The other security headers come from
 * next.config.ts, which covers every response.
 * Deliberately no authorization here: requests can skip middleware (CVE-2025-29927 and later
 * bypasses), so every page and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", portraitHosts);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  requestHeaders.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // API and sandbox answers are JSON, never documents: API routes get a fixed deny-all CSP from
  // next.config.ts, and neither pays for this step (a measurable share of a proxied request).
  matcher: [{ source: "/((?!_next/static|_next/image|api/|sandbox/).*)" }],
};
