import "server-only";
import { config } from "@/lib/env/server";
import { peekProcessSingleton, processSingleton } from "@/lib/runtime/process-singleton";
import { UpstreamCache } from "./cache";

const NAME = "upstream-cache";

/** This instance's cache of Didit's GET answers, shared by every route bundle. */
export function upstreamCache(): UpstreamCache {
  return processSingleton(NAME, () => new UpstreamCache({ maxBytes: config.didit.cache.maxBytes }));
}

/**
 * Forgets every kept answer: a user changed (the inbox's own decision, Didit's webhook, or either
 * on another instance, heard on the live-event bus), and any list or count may hold them.
 */
export function invalidateUpstreamCache(): void {
  peekProcessSingleton<UpstreamCache>(NAME)?.clear();
}
