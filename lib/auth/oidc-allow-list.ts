import type { OidcIdentity } from "./oidc-claims";

export interface AllowLists {
  allowedEmails: readonly string[];
  allowedDomains: readonly string[];
}

const normalise = (entry: string) => entry.trim().toLowerCase().replace(/^@/, "");

/**
 * Whether this person may use the inbox. With no list configured, anybody the provider
 * authenticates may (the provider's own assignment of users to the app is then the gate).
 * With either list, only a verified email counts: an unverified one can be any address the
 * person typed in at the provider. Domains match exactly: `example.com` does not let in
 * `team.example.com`, which may well be run by somebody else.
 */
export function isAllowed(
  identity: Pick<OidcIdentity, "email" | "emailVerified">,
  lists: AllowLists,
): boolean {
  const emails = lists.allowedEmails.map(normalise).filter(Boolean);
  const domains = lists.allowedDomains.map(normalise).filter(Boolean);
  if (emails.length === 0 && domains.length === 0) return true;
  if (!identity.emailVerified || !identity.email) return false;

  const email = identity.email.trim().toLowerCase();
  if (emails.includes(email)) return true;
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  return domains.includes(email.slice(at + 1));
}
