import {
  AuthorizationResponseError,
  ClientError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from "openid-client";

/** What may be logged about a failed OpenID Connect sign-in. */
export interface OidcFailure {
  name: string;
  code?: string;
  /** The OAuth `error` code (`access_denied`, `invalid_grant`…), never its free-text description. */
  oauthError?: string;
}

/** Codes are short identifiers; anything else might be text a provider or person wrote. */
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

const codeOf = (value: unknown) =>
  typeof value === "string" && CODE.test(value) ? value : undefined;

/**
 * Library errors are named here, not by `error.name`: openid-client names its errors after their
 * class, and the production bundle minifies class names (a ClientError logs as "tr").
 */
const KNOWN_ERRORS = [
  ["AuthorizationResponseError", AuthorizationResponseError],
  ["ResponseBodyError", ResponseBodyError],
  ["WWWAuthenticateChallengeError", WWWAuthenticateChallengeError],
  ["ClientError", ClientError],
] as const;

function nameOf(error: Error): string {
  if (error instanceof OidcSignInError) return error.name;
  for (const [name, type] of KNOWN_ERRORS) if (error instanceof type) return name;
  // Built-in errors (TypeError, AbortError, TimeoutError…) keep their names when minified.
  return codeOf(error.name) ?? "Error";
}

/**
 * Reduces an error to fields that are safe in operators' logs. Messages and causes are dropped
 * on purpose: openid-client puts response bodies (tokens, codes, claims) in `cause`, and
 * messages can quote them.
 */
export function describeOidcError(error: unknown): OidcFailure {
  if (!(error instanceof Error)) return { name: "NonError" };
  const fields = error as Error & { code?: unknown; error?: unknown };
  const failure: OidcFailure = { name: nameOf(error) };
  const code = codeOf(fields.code);
  if (code) failure.code = code;
  const oauthError = codeOf(fields.error);
  if (oauthError) failure.oauthError = oauthError;
  return failure;
}

/** A failure the inbox detects itself, named like a library error so logs read the same. */
export class OidcSignInError extends Error {
  override name = "OidcSignInError";
  constructor(readonly code: "missing_transaction" | "missing_subject") {
    super(code);
  }
}
