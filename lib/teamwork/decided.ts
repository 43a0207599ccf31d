import "server-only";
import type { Analyst } from "@/lib/auth/session";
import type { UserOutcome } from "@/lib/decisions/request";
import { invalidateUpstreamCache } from "@/lib/didit/shared-cache";
import { announce } from "@/lib/live/server";
import { log } from "@/lib/log";
import { endClaims } from "./claims";
import { store } from "./service";

/**
 * After a decision: the claims on the users it changed end (the work is done), and every open
 * inbox hears of it. Unknown outcomes are announced too, as Didit may have made the change.
 */
export async function announceDecision(
  results: UserOutcome[],
  status: string,
  analyst: Analyst,
): Promise<void> {
  const done = results.filter((result) => result.outcome === "done").map((result) => result.id);
  const touched = results
    .filter((result) => result.outcome === "done" || result.outcome === "unknown")
    .map((result) => result.id);
  if (touched.length === 0) return;
  // At once here, before the answer: the analyst's own refetch must not get the old page.
  invalidateUpstreamCache();
  try {
    await endClaims(await store(), done);
  } catch (error) {
    log.warn({ err: { name: (error as Error)?.name } }, "claims not ended after a decision");
  }
  await announce("decision", {
    userIds: touched,
    action: "decided",
    analyst: { id: analyst.id, name: analyst.name },
    status,
  });
}
