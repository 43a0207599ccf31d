// Preloaded into the benchmark's Next server only (NODE_OPTIONS=--require). The app keeps one
// process-wide budget of at most 600 requests a minute to Didit (lib/didit/rate-budget.ts), which
// would turn a 10 s load test into a stream of local 429s after the first few hundred requests.
// This installs, under the same global symbol, a budget that always admits, so the load test
// measures the proxy's own cost. If the app renames the symbol, this silently stops applying and
// the load test reports the non-2xx answers instead of hiding them.
const SHARED = Symbol.for("didit-review-inbox.rate-budget");
const perMinute = Number(process.env.DIDIT_RATE_LIMIT_PER_MINUTE || 540);
globalThis[SHARED] = {
  perMinute,
  take: () => ({ ok: true }),
  coolDown: () => {},
  clear: () => {},
};
