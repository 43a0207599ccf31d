/**
 * How the session cookie is named and flagged. Over https (by INBOX_PUBLIC_URL, never by a
 * client's X-Forwarded-Proto) it is `__Host-inbox_session` with `Secure`: the browser then keeps
 * it only from a secure origin, for this host alone (no Domain) and for every path, so neither
 * plain http nor a sibling subdomain can plant or read it.
 */
export function sessionCookiePolicy(publicUrl: string | null): { name: string; secure: boolean } {
  const secure = publicUrl?.startsWith("https:") ?? false;
  return { name: secure ? "__Host-inbox_session" : "inbox_session", secure };
}
