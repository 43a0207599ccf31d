/**
 * Where to go after signing in: only a path on this app, so the sign-in page cannot be used to
 * send an analyst elsewhere. The check runs on the path as a browser will resolve it: dot
 * segments (`/./`, `/a/..`, `/%2e/`) collapse, and tabs and newlines vanish, so `/.//evil.test`
 * would become `//evil.test`, another host. The normalised path is what is checked and returned.
 */
const BASE = "http://inbox.invalid";

/** Leaves this origin once a browser resolves it: `//host` or `/\host`. */
const isOtherHost = (path: string) => path.startsWith("//") || path.startsWith("/\\");

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2000) return "/";
  // Backslashes, whitespace and control characters have no place in a path this app makes, and
  // browsers rewrite them (`\` to `/`, tab and newline dropped) in ways that can change the host.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return "/";
  if (!value.startsWith("/") || isOtherHost(value)) return "/";
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return "/";
    const path = `${url.pathname}${url.search}`;
    return isOtherHost(path) ? "/" : path;
  } catch {
    return "/";
  }
}
