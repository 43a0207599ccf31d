import { AsyncLocalStorage } from "node:async_hooks";
import { processSingleton } from "./process-singleton";

/**
 * Who the work in progress is for: set by lib/http/api-route.ts around each handler, read by the
 * Didit client for the per-analyst fair share of the rate budget (lib/didit/rate-budget.ts), so
 * no call site has to pass the analyst along. One store per process, whatever bundle asks.
 */
const storage = processSingleton("request-party", () => new AsyncLocalStorage<string>());

export function runForParty<T>(party: string, work: () => T): T {
  return storage.run(party, work);
}

/** The analyst the current request is for, or null outside one. */
export function currentParty(): string | null {
  return storage.getStore() ?? null;
}
