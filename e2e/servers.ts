/** Loopback ports of the end-to-end servers (see playwright.config.ts). */
export const SANDBOX_PORT = 3100;
export const LIVE_PORT = 3101;
export const FAKE_DIDIT_PORT = 3199;

export const LIVE_URL = `http://127.0.0.1:${LIVE_PORT}`;

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
} as const;
