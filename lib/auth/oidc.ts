import "server-only";
import { cookies } from "next/headers";
import * as client from "openid-client";
import type { AuthConfig } from "@/lib/env/schema";
import { apiError } from "@/lib/http/responses";
import { log } from "@/lib/log";
import { processSingleton, resetProcessSingleton } from "@/lib/runtime/process-singleton";
import { authConfig, sessionSecret } from "./config";
import { needsUserInfo, type OidcIdentity, readIdentity, withUserInfo } from "./oidc-claims";
import { describeOidcError, OidcSignInError } from "./oidc-error";
import { allowsInsecureIssuer } from "./oidc-issuer";
import {
  OIDC_TRANSACTION_COOKIE,
  OIDC_TRANSACTION_TTL_SECONDS,
  type OidcTransaction,
  sealTransaction,
  unsealTransaction,
} from "./oidc-transaction";

export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";
/** The transaction cookie is needed by the callback only; other requests need not carry it. */
const TRANSACTION_COOKIE_PATH = "/api/auth/oidc";
const SCOPE = "openid email profile";
const DISCOVERY_TIMEOUT_SECONDS = 10;

/** The provider's settings, or null when the inbox does not sign in with OpenID Connect. */
export type OidcSettings = Extract<AuthConfig, { mode: "oidc" }>;

export function oidcSettings(): OidcSettings | null {
  return authConfig.mode === "oidc" ? authConfig : null;
}

const CONFIGURATION = "oidc-configuration";

function discover(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  return client.discovery(
    issuer,
    settings.clientId,
    undefined,
    // The default method of the spec, which every mainstream provider supports.
    client.ClientSecretBasic(settings.clientSecret),
    {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      // allowInsecureRequests is marked deprecated only to make its use stand out.
      execute: allowsInsecureIssuer(issuer) ? [client.allowInsecureRequests] : [],
    },
  );
}

/**
 * The provider's discovered configuration, fetched once per process (shared by the start and
 * callback route bundles). A failed discovery is forgotten, so the next sign-in tries again once
 * the provider is back.
 */
function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const pending = processSingleton(CONFIGURATION, () => discover(settings));
  pending.catch(() => {
    if (processSingleton(CONFIGURATION, () => pending) === pending) {
      resetProcessSingleton(CONFIGURATION);
    }
  });
  return pending;
}

/** Where to send the browser to sign in, and what to remember until it comes back. */
export async function startAuthorization(
  settings: OidcSettings,
  returnTo: string,
): Promise<{ url: URL; transaction: OidcTransaction }> {
  const config = await oidcConfiguration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: new URL(OIDC_CALLBACK_PATH, settings.publicUrl).href,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, transaction: { codeVerifier, state, nonce, returnTo } };
}

/**
 * Checks the provider's answer against the transaction, redeems the code and returns who signed
 * in. Throws on any protocol failure (error from the provider, state or nonce mismatch, token
 * endpoint refusal, missing `sub`).
 */
export async function completeAuthorization(
  settings: OidcSettings,
  search: string,
  transaction: OidcTransaction,
): Promise<{ issuer: string; identity: OidcIdentity; claims: Record<string, unknown> }> {
  const config = await oidcConfiguration(settings);
  // Built from the configured public origin, never the Host header: it becomes the redirect_uri
  // sent to the token endpoint, and a proxy in front of the app may rewrite Host.
  const currentUrl = new URL(`${OIDC_CALLBACK_PATH}${search}`, settings.publicUrl);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: transaction.codeVerifier,
    expectedState: transaction.state,
    expectedNonce: transaction.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  let identity = claims ? readIdentity(claims) : null;
  if (!identity) throw new OidcSignInError("missing_subject");

  const metadata = config.serverMetadata();
  // Userinfo also carries what some providers keep out of the ID token (groups, among others).
  let userInfoClaims: Record<string, unknown> = {};
  if (metadata.userinfo_endpoint) {
    const needed = needsUserInfo(identity);
    try {
      userInfoClaims = await client.fetchUserInfo(config, tokens.access_token, identity.sub);
    } catch (error) {
      // Only fatal when the ID token lacked the identity; groups alone fall back to the default role.
      if (needed) throw error;
    }
    const info = needed ? readIdentity(userInfoClaims) : null;
    if (info) identity = withUserInfo(identity, info);
  }
  // The ID token's own claims win where both carry one (amr and acr exist only there).
  return { issuer: metadata.issuer, identity, claims: { ...userInfoClaims, ...claims } };
}

function cookieSecure(settings: OidcSettings): boolean {
  return settings.publicUrl.startsWith("https:");
}

export async function saveTransaction(
  settings: OidcSettings,
  transaction: OidcTransaction,
): Promise<void> {
  (await cookies()).set(
    OIDC_TRANSACTION_COOKIE,
    await sealTransaction(transaction, sessionSecret()),
    {
      httpOnly: true,
      // Lax, not Strict: the provider brings the browser back with a top-level cross-site GET.
      sameSite: "lax",
      secure: cookieSecure(settings),
      path: TRANSACTION_COOKIE_PATH,
      maxAge: OIDC_TRANSACTION_TTL_SECONDS,
    },
  );
}

/** Reads the transaction and clears its cookie, so a callback URL cannot be replayed. */
export async function takeTransaction(settings: OidcSettings): Promise<OidcTransaction | null> {
  const jar = await cookies();
  const sealed = jar.get(OIDC_TRANSACTION_COOKIE)?.value;
  if (sealed !== undefined) {
    jar.delete({
      name: OIDC_TRANSACTION_COOKIE,
      path: TRANSACTION_COOKIE_PATH,
      httpOnly: true,
      sameSite: "lax",
      secure: cookieSecure(settings),
    });
  }
  return unsealTransaction(sealed, sessionSecret());
}

/** What both OIDC routes answer when the inbox does not sign in with OpenID Connect. */
export function oidcNotEnabled(): Response {
  return apiError("not_found", "Sign-in with an identity provider is not enabled.");
}

/** One log line per failed sign-in, with the error's name and code only. */
export function logOidcFailure(stage: "start" | "callback", error: unknown): void {
  log.warn({ stage, err: describeOidcError(error) }, "oidc sign-in failed");
}

/** A 303 to a page of this app (or the provider), never cached. */
export function redirectTo(location: URL): Response {
  return new Response(null, {
    status: 303,
    headers: { location: location.href, "cache-control": "no-store" },
  });
}

export function signInError(
  settings: OidcSettings,
  error: "oidc_failed" | "not_allowed" | "mfa_required",
): Response {
  return redirectTo(new URL(`/sign-in?error=${error}`, settings.publicUrl));
}
