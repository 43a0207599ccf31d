/**
 * Where to go after signing in: only a path on this app (`/…`, not `//host` or `/\host`), so the
 * sign-in page cannot be used to send an analyst elsewhere.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const url = new URL(value, "http://inbox.invalid");
    if (url.origin !== "http://inbox.invalid") return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
