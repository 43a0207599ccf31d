/** Size of the built-in dataset the sandbox serves when no Didit key is configured. */
export const SANDBOX_USER_COUNT = 5000;

/**
 * The sandbox checks `x-api-key` like Didit does so the app's auth path is exercised,
 * but the key guards nothing: it is deliberately public.
 */
export const SANDBOX_API_KEY = "sandbox-not-a-secret";

/**
 * The reference instant `generateUsers` falls back to when a caller passes none: fixed, so datasets
 * built only to exercise code (benchmarks, contract and export tests) are the same on every day.
 * The dataset analysts see is generated relative to the day the server starts (default-index.ts).
 */
export const FIXED_REFERENCE_TIME = Date.UTC(2026, 10, 1);
