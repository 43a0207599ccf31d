import "server-only";
import { config } from "@/lib/env/server";

/**
 * Cross-site request forgery guard for state-changing requests: the browser's `Origin` must be
 * this app's own origin (INBOX_PUBLIC_URL when configured, else the origin the request was
 * addressed to). A request without `Origin` is refused: every browser sends it on POST.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (config.publicUrl) return origin === config.publicUrl;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return false;
  const proto =
    request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return origin === `${proto}://${host}`;
}
