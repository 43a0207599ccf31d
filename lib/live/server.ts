import "server-only";
import type { LiveEventData, LiveKind } from "@/lib/api/live";
import { getDatabase } from "@/lib/db/database";
import { invalidateUpstreamCache } from "@/lib/didit/shared-cache";
import { log } from "@/lib/log";
import {
  peekProcessSingleton,
  processSingleton,
  resetProcessSingleton,
} from "@/lib/runtime/process-singleton";
import { createLiveBus, type LiveBus } from "./bus";

/**
 * The server's one live bus, over its store (lib/db/database.ts). It also keeps this instance's
 * cache of Didit's answers honest: a decision or a Didit webhook, heard from any instance, may
 * have changed any list or count.
 */
export function getLiveBus(): Promise<LiveBus> {
  const bus = processSingleton("live-bus", async () => {
    const created = createLiveBus(await getDatabase());
    created.subscribe((event) => {
      if (event.kind === "decision" || event.kind === "didit") invalidateUpstreamCache();
    });
    return created;
  });
  bus.catch(() => resetProcessSingleton("live-bus"));
  return bus;
}

/**
 * Tells the open inboxes. What it announces is already stored and audited, so a failure to
 * announce is logged and the request still succeeds: browsers catch up on their next fetch.
 */
export async function announce(kind: LiveKind, data: LiveEventData): Promise<void> {
  try {
    await (await getLiveBus()).publish(kind, data);
  } catch (error) {
    log.warn({ kind, err: { name: (error as Error)?.name } }, "live event not published");
  }
}

export async function closeLiveBus(): Promise<void> {
  const bus = peekProcessSingleton<Promise<LiveBus>>("live-bus");
  if (!bus) return;
  resetProcessSingleton("live-bus");
  await (await bus.catch(() => null))?.close();
}
