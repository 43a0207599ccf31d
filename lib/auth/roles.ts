/**
 * What an analyst may do. Every route handler asks `hasRole` (lib/http/api-route.ts); the UI hides
 * controls by the same rule, but hiding is never the check.
 *
 * - viewer: reads everything (users, the activity trail); cannot decide, export, claim or note.
 * - reviewer: all of that.
 * - admin: everything, plus other analysts' sessions and the settings pages.
 */
export const ROLES = ["viewer", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` includes everything `needed` may do. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** How OIDC claims become a role (INBOX_ROLES_CLAIM and friends; README "Roles"). */
export interface OidcRoleSettings {
  /** The claim that lists the person's groups, e.g. `groups` or `roles`. */
  claim: string;
  /** Lower-cased. */
  reviewerGroups: string[];
  adminGroups: string[];
  reviewerEmails: string[];
  adminEmails: string[];
  /** For a person who matches none of the lists. */
  defaultRole: Role;
  /** Refuse sign-in unless `amr` or `acr` shows a second factor. */
  requireMfa: boolean;
}

/** A claim's values as lower-cased strings: an array of strings, or one space/comma separated string. */
function claimValues(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(/[\s,]+/)
      : [];
  return items
    .filter((item): item is string => typeof item === "string")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The highest role any of the person's groups or their verified email earns, else the default.
 * An unverified email earns nothing.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  verifiedEmail: string | null,
  settings: OidcRoleSettings,
): Role {
  const groups = new Set(claimValues(claims[settings.claim]));
  const email = verifiedEmail?.toLowerCase() ?? null;
  const matches = (names: string[], emails: string[]) =>
    names.some((name) => groups.has(name)) || (email !== null && emails.includes(email));
  if (matches(settings.adminGroups, settings.adminEmails)) return "admin";
  if (matches(settings.reviewerGroups, settings.reviewerEmails)) return "reviewer";
  return settings.defaultRole;
}

/**
 * Authentication methods (RFC 8176) that are a factor beyond a password: one-time codes, hardware
 * or software keys, smart cards, phone confirmations, biometrics.
 */
const SECOND_FACTOR_AMR = new Set([
  "mfa",
  "otp",
  "hwk",
  "swk",
  "sc",
  "sms",
  "tel",
  "fpt",
  "face",
  "iris",
  "retina",
  "vbm",
]);

/**
 * Whether the ID token shows a second factor: `amr` names one (or says `mfa`), or `acr` is a
 * multi-factor level as providers commonly spell it (`...multi-factor`, `...mfa...`, `...2fa...`).
 */
export function showsSecondFactor(claims: Record<string, unknown>): boolean {
  if (claimValues(claims.amr).some((method) => SECOND_FACTOR_AMR.has(method))) return true;
  const acr = typeof claims.acr === "string" ? claims.acr.toLowerCase() : "";
  return /multi-?factor|(^|[^a-z])(mfa|2fa)([^a-z]|$)/.test(acr);
}
