import { z } from "zod";

/** What the inbox takes from the identity provider about the person signing in. */
export interface OidcIdentity {
  sub: string;
  /** Lower-cased, so allow-list comparisons do not depend on how the provider spells it. */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Long enough for real names; short enough that a hostile claim cannot bloat the session cookie. */
export const MAX_NAME_LENGTH = 100;

const optionalText = z.string().trim().min(1).optional().catch(undefined);

/**
 * A claim of the wrong type counts as absent instead of failing the sign-in: providers differ,
 * and only `sub` is essential. `email_verified` also accepts the string "true", which some
 * providers (Amazon Cognito among them) send instead of a boolean.
 */
const claimsSchema = z.object({
  sub: z.string().trim().min(1),
  email: optionalText,
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .optional()
    .catch(undefined),
  name: optionalText,
});

/** The identity in a set of ID token or userinfo claims, or null without a usable `sub`. */
export function readIdentity(claims: Record<string, unknown>): OidcIdentity | null {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const { sub, email, email_verified, name } = parsed.data;
  return {
    sub,
    email: email?.toLowerCase() ?? null,
    emailVerified: email !== undefined && email_verified === true,
    name: name ?? null,
  };
}

/**
 * Providers that follow the OpenID Connect spec strictly (oidc-provider's default, for one) put
 * email and profile claims only in the userinfo response when a code flow also issues an access
 * token; the ID token then carries little more than `sub`.
 */
export function needsUserInfo(identity: OidcIdentity): boolean {
  return !identity.emailVerified || identity.name === null;
}

/**
 * Fills what the ID token lacked from userinfo claims (whose `sub` openid-client has already
 * checked). An email and its verification flag are always taken together from one source.
 */
export function withUserInfo(identity: OidcIdentity, userInfo: OidcIdentity): OidcIdentity {
  const useUserInfoEmail = !identity.emailVerified && userInfo.email !== null;
  return {
    sub: identity.sub,
    email: useUserInfoEmail ? userInfo.email : identity.email,
    emailVerified: useUserInfoEmail ? userInfo.emailVerified : identity.emailVerified,
    name: identity.name ?? userInfo.name,
  };
}

/** The name shown in the header: the person's name, else their email, else a neutral word. */
export function displayName(identity: OidcIdentity): string {
  const name = identity.name ?? identity.email ?? "Analyst";
  // By code point, so a name is never cut in the middle of a character.
  return Array.from(name).slice(0, MAX_NAME_LENGTH).join("");
}
