import "server-only";
import { eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import { FRESHNESS_S } from "./signature";

/** Kept a while past the freshness window, so a replay at its edge is still recognised. */
const KEEP_MS = 2 * FRESHNESS_S * 1000;

/**
 * Records a delivery by its digest; false when it was seen before (Didit retrying, or a replay).
 * The insert is the check, so two copies arriving at once on two instances count once.
 */
export async function firstDelivery(db: Db, digest: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(webhookDeliveries)
    .values({ digest, receivedAt: now })
    .onConflictDoNothing()
    .returning({ digest: webhookDeliveries.digest });
  await db
    .delete(webhookDeliveries)
    .where(lt(webhookDeliveries.receivedAt, new Date(now.getTime() - KEEP_MS)));
  return inserted.length > 0;
}

/** Undoes `firstDelivery` when handling failed, so Didit's retry is handled, not ignored. */
export async function forgetDelivery(db: Db, digest: string): Promise<void> {
  await db.delete(webhookDeliveries).where(eq(webhookDeliveries.digest, digest));
}
