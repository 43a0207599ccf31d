/**
 * Headers every response carries. The Content-Security-Policy is built per request in proxy.ts,
 * with a fresh nonce that Next.js puts on its own scripts.
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Search terms live in bookmarkable URLs: never leak them to another site.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), " +
      "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), " +
      "browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** For JSON answers: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers that depend on how the inbox is deployed, set on every response by the server
 * (scripts/start.mjs) rather than baked into the build: HSTS once the public URL is https.
 */
export function deploymentHeaders(publicUrl: string | null): Array<[string, string]> {
  if (!publicUrl?.startsWith("https:")) return [];
  // A year, the usual; no includeSubDomains: the inbox does not speak for its parent's other hosts.
  return [["Strict-Transport-Security", "max-age=31536000"]];
}

/**
 * `portraitHosts`: where portraits may load from (DIDIT_PORTRAIT_HOSTS, by default the host of
 * Didit's S3 bucket), as `https://host` sources.
 */
export function contentSecurityPolicy(
  nonce: string,
  dev: boolean,
  portraitHosts: readonly string[],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tag colours come from data and are applied as inline style attributes, and React writes
    // style attributes for column widths; a nonce covers <style> elements, not attributes
    // (README, Security).
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...portraitHosts.map((host) => `https://${host}`)].join(" "),
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}
