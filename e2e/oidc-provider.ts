import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
// @ts-expect-error -- oidc-provider ships no type definitions and @types/oidc-provider is not
// installed; the little used here is typed by OidcProviderConstructor below.
import { Provider } from "oidc-provider";
import { listenOnLoopback } from "../lib/testing/listen";
import { OIDC_APP_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from "./servers";

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) for the
 * end-to-end tests, on plain http on loopback. Its built-in development login and consent pages
 * take any login and any password: "alice" becomes alice@example.com, a login with an "@" is
 * taken as the email itself.
 */

interface AccountClaims {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}

/** The app's test settings map these groups to roles (playwright.config.ts). */
export const REVIEWER_GROUP = "kyc-reviewers";
export const ADMIN_GROUP = "kyc-admins";

/** A login that starts with "viewer" is in no group, one with "admin" is an admin, others review. */
function groupsFor(login: string): string[] {
  if (login.startsWith("viewer")) return ["staff"];
  if (login.startsWith("admin")) return ["staff", ADMIN_GROUP];
  return ["staff", REVIEWER_GROUP];
}

interface OidcProviderInstance {
  proxy: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}

type OidcProviderConstructor = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProviderInstance;

/** "alice" → "Alice", "mallory@evil.test" → "Mallory", "ana.maria" → "Ana Maria". */
export function displayNameFor(login: string): string {
  const local = login.split("@")[0] ?? login;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export function claimsFor(login: string): AccountClaims {
  return {
    sub: login,
    email: login.includes("@") ? login : `${login}@example.com`,
    email_verified: true,
    name: displayNameFor(login),
    groups: groupsFor(login),
  };
}

function signingKeys() {
  // A fresh key per run instead of the package's published development keys.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", alg: "RS256", use: "sig" }],
  };
}

export async function startOidcProvider(port: number): Promise<() => Promise<void>> {
  const ProviderClass = Provider as OidcProviderConstructor;
  const provider = new ProviderClass(`http://127.0.0.1:${port}`, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`${OIDC_APP_URL}/api/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // By default PKCE is required of public clients only; the inbox must use it regardless.
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      // Many providers send groups with the profile; the app reads whichever claim it is told to.
      profile: ["name", "groups"],
    },
    // Left at its spec-conformant default (conformIdTokenClaims: true): with the code flow the ID
    // token then carries only `sub`, and email and name come from userinfo, so the inbox's
    // userinfo fallback is exercised too.
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => claimsFor(id),
    }),
    // Signed cookies need keys; a random one per run is enough for a provider that lives as
    // long as the test run.
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    jwks: signingKeys(),
    // Explicit lifetimes (seconds), comfortably longer than a test run; the defaults would work
    // too but print a notice each.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  // Plain http, no reverse proxy: X-Forwarded-* must not make Koa believe the request was https
  // (which would mark the provider's cookies Secure and the browser would drop them).
  provider.proxy = false;

  const server = createServer(provider.callback());
  return (await listenOnLoopback(server, port)).close;
}
