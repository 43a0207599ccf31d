/** Size of the built-in dataset the sandbox serves when no Didit key is configured. */
export const SANDBOX_USER_COUNT = 5000;

/**
 * The sandbox checks `x-api-key` like Didit does so the app's auth path is exercised,
 * but the key guards nothing: it is deliberately public.
 */
export const SANDBOX_API_KEY = "sandbox-not-a-secret";

/**
 * "Now" for the generated data. Fixed, so the same seed yields the same records on every run
 * and tests can assert exact dates.
 */
export const SANDBOX_REFERENCE_TIME = Date.UTC(2026, 10, 1);
