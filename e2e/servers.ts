/**
 * Loopback ports of the end-to-end servers (see playwright.config.ts), from E2E_PORT_BASE
 * (default 3100), so two checkouts or two developers can run the suite side by side.
 */
const PORT_BASE = Number(process.env.E2E_PORT_BASE) || 3100;
export const SANDBOX_PORT = PORT_BASE;
export const LIVE_PORT = PORT_BASE + 1;
/** A live app behind passcode sign-in. */
export const PASSCODE_PORT = PORT_BASE + 2;
/** A live app behind OpenID Connect sign-in, against the local provider. */
export const OIDC_APP_PORT = PORT_BASE + 3;
export const OIDC_PROVIDER_PORT = PORT_BASE + 98;
/** A live app used only by the rate-limit test (a 429 makes the app hold back for a while). */
export const THROTTLED_PORT = PORT_BASE + 4;
export const FAKE_DIDIT_PORT = PORT_BASE + 99;
/** A live app whose store is PostgreSQL, and the throwaway cluster it uses. */
export const POSTGRES_APP_PORT = PORT_BASE + 5;
export const POSTGRES_PORT = PORT_BASE + 97;
export const POSTGRES_APP_URL = `http://127.0.0.1:${POSTGRES_APP_PORT}`;
/**
 * Two instances of one team's inbox, behind passcode sign-in with four-eyes blocking on, sharing
 * a database of their own in that cluster (`TEAM_DATABASE`), as two replicas behind a balancer.
 */
export const TEAM_A_PORT = PORT_BASE + 6;
export const TEAM_B_PORT = PORT_BASE + 7;
export const TEAM_A_URL = `http://127.0.0.1:${TEAM_A_PORT}`;
export const TEAM_B_URL = `http://127.0.0.1:${TEAM_B_PORT}`;
export const TEAM_DATABASE = "team";
/** An app that a test stops and starts itself (e2e/app-process.ts). */
export const RESTART_PORT = PORT_BASE + 8;

export const LIVE_URL = `http://127.0.0.1:${LIVE_PORT}`;
export const THROTTLED_URL = `http://127.0.0.1:${THROTTLED_PORT}`;
export const PASSCODE_URL = `http://127.0.0.1:${PASSCODE_PORT}`;
export const OIDC_APP_URL = `http://127.0.0.1:${OIDC_APP_PORT}`;

export const E2E_PASSCODE = "correct-horse-battery-staple-e2e";
export const E2E_SESSION_SECRET = "e2e-session-secret-0123456789abcdef0123456789";
/** The secret before a rotation, still accepted by the passcode server. */
export const E2E_PREVIOUS_SESSION_SECRET = "e2e-previous-session-secret-fedcba9876543210";

/** The key the live app sends to the fake Didit; a test asserts it never reaches the browser. */
export const E2E_DIDIT_KEY = "e2e-didit-key-3f9c2a71b4";

/**
 * The fake Didit fails on demand when the search term names a fault, so parallel tests can each
 * pick their own failure without shared state.
 */
export const FAULT_SEARCH = {
  serverError: "fault-500",
  unauthorized: "fault-401",
  rateLimited: "fault-429",
  malformed: "fault-json",
  timeout: "fault-timeout",
  forbidden: "fault-403",
  /** The connection is dropped without an answer (as when Didit cannot be reached). */
  connectionReset: "fault-reset",
  /** A well-formed page whose record has no identity. */
  unreadable: "fault-schema",
} as const;

/**
 * The Retry-After the fake Didit sends with its 429. The app keeps that cool-down for the whole
 * throttled server, and every later request there, whichever test sends it, gets what is left of
 * it. Long enough that a repeated run (`--repeat-each`, a retry) still finds plenty left, instead
 * of a countdown that may run out mid-assertion.
 */
export const RATE_LIMIT_RETRY_AFTER_S = 900;

/** Where the app servers' output is captured during the end-to-end run. */
export const SERVER_LOG_DIR = process.env.E2E_LOG_DIR || ".e2e-logs";

/** The local OpenID Connect provider (e2e/oidc-provider.ts) and the inbox's client there. */
export const OIDC_PROVIDER_URL = `http://127.0.0.1:${OIDC_PROVIDER_PORT}`;
export const OIDC_CLIENT_ID = "inbox-e2e";
export const OIDC_CLIENT_SECRET = "inbox-e2e-secret-0123456789";
