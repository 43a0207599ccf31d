import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type ClaimRow, claims } from "@/lib/db/schema";

/**
 * Claims: "I am working this user". One per user, for INBOX_CLAIM_MINUTES, renewed while the
 * claimant keeps the user open, ended by a decision, by "Release" or by expiry. Time is passed
 * in, so expiry is tested without waiting.
 */

export interface ClaimTarget {
  /** `didit_internal_id`: users without vendor_data can be claimed too. */
  userId: string;
  vendorData: string | null;
}

export interface Claimant {
  id: string;
  name: string;
}

export type ClaimResult =
  | { kind: "claimed" | "renewed"; claim: ClaimRow }
  | { kind: "taken-over"; claim: ClaimRow; previous: ClaimRow }
  /** Someone else holds it, and no takeover was asked for. */
  | { kind: "held"; claim: ClaimRow };

const live = (now: Date) => gt(claims.expiresAt, now);

/**
 * Claims `target` for `analyst`, or renews their own claim. Held by someone else, it is taken
 * over only when `takeOver` is set. The upsert's condition makes the check and the write one
 * statement, so two analysts claiming at once cannot both win.
 */
export async function claimUser(
  db: Db,
  target: ClaimTarget,
  analyst: Claimant,
  options: { now: Date; minutes: number; takeOver: boolean },
): Promise<ClaimResult> {
  const { now, minutes, takeOver } = options;
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(claims)
      .where(eq(claims.userId, target.userId))
      .for("update");
    const heldBefore = before && before.expiresAt > now ? before : null;
    const [row] = await tx
      .insert(claims)
      .values({
        userId: target.userId,
        vendorData: target.vendorData,
        analystId: analyst.id,
        analystName: analyst.name,
        claimedAt: now,
        expiresAt,
      })
      .onConflictDoUpdate({
        target: claims.userId,
        set: {
          vendorData: target.vendorData,
          analystId: analyst.id,
          analystName: analyst.name,
          // A renewal keeps when the claim began.
          claimedAt: sql`case when ${claims.analystId} = ${analyst.id} and ${claims.expiresAt} > ${now.toISOString()}::timestamptz then ${claims.claimedAt} else ${now.toISOString()}::timestamptz end`,
          expiresAt,
        },
        setWhere: takeOver
          ? undefined
          : or(eq(claims.analystId, analyst.id), lte(claims.expiresAt, now)),
      })
      .returning();
    if (!row) {
      const [holder] = await tx.select().from(claims).where(eq(claims.userId, target.userId));
      if (!holder) throw new Error("claim vanished");
      return { kind: "held", claim: holder };
    }
    if (!heldBefore) return { kind: "claimed", claim: row };
    if (heldBefore.analystId === analyst.id) return { kind: "renewed", claim: row };
    return { kind: "taken-over", claim: row, previous: heldBefore };
  });
}

/** Ends `analyst`'s claim on the user; false when they hold none. */
export async function releaseClaim(
  db: Db,
  userId: string,
  analystId: string,
  now: Date,
): Promise<ClaimRow | null> {
  const [row] = await db
    .delete(claims)
    .where(and(eq(claims.userId, userId), eq(claims.analystId, analystId), live(now)))
    .returning();
  return row ?? null;
}

/** A decision ends every claim on the users it changed, whoever held them. */
export async function endClaims(db: Db, userIds: string[]): Promise<ClaimRow[]> {
  if (userIds.length === 0) return [];
  return db.delete(claims).where(inArray(claims.userId, userIds)).returning();
}

export async function claimsFor(db: Db, userIds: string[], now: Date): Promise<ClaimRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(claims)
    .where(and(inArray(claims.userId, userIds), live(now)));
}

/** An analyst's live claims, oldest first ("My claims"). */
export async function claimsOf(
  db: Db,
  analystId: string,
  now: Date,
  limit = 200,
): Promise<ClaimRow[]> {
  return db
    .select()
    .from(claims)
    .where(and(eq(claims.analystId, analystId), live(now)))
    .orderBy(asc(claims.claimedAt))
    .limit(limit);
}
