import "server-only";
import { and, asc, desc, eq, gte, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "./client";
import { type AuditEventRow, auditEvents } from "./schema";

/**
 * Decision intents with no outcome on record: the server stopped (or the database failed)
 * between asking Didit and writing down its answer.
 */
export async function unresolvedIntents(db: Db, action: string): Promise<AuditEventRow[]> {
  const outcome = alias(auditEvents, "outcome");
  const rows = await db
    .select({ intent: auditEvents })
    .from(auditEvents)
    .leftJoin(outcome, eq(outcome.intentId, auditEvents.id))
    .where(
      and(eq(auditEvents.action, action), eq(auditEvents.outcome, "pending"), isNull(outcome.id)),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((row) => row.intent);
}

export interface ActivityFilters {
  analyst?: string | null;
  action?: string | null;
  outcome?: string | null;
  /** A user's `didit_internal_id` or `vendor_data`. */
  user?: string | null;
  /** ISO instants: events at or after `from`, and before `to`. */
  from?: string | null;
  to?: string | null;
}

function conditions(filters: ActivityFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filters.analyst ? eq(auditEvents.analystId, filters.analyst) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.outcome ? eq(auditEvents.outcome, filters.outcome) : undefined,
    filters.user
      ? or(
          eq(auditEvents.targetInternalId, filters.user),
          eq(auditEvents.targetVendorData, filters.user),
        )
      : undefined,
    filters.from ? gte(auditEvents.occurredAt, filters.from) : undefined,
    filters.to ? lt(auditEvents.occurredAt, filters.to) : undefined,
  ];
  return and(...parts.filter((part): part is SQL => part !== undefined));
}

/** One page of the trail, newest first, with the number of events the filters match. */
export async function listAuditEvents(
  db: Db,
  filters: ActivityFilters,
  page: { limit: number; offset: number },
): Promise<{ events: AuditEventRow[]; total: number }> {
  const where = conditions(filters);
  const [events, counted] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { events, total: counted[0]?.total ?? 0 };
}

/** Every event the filters match, newest first, a batch at a time (for the CSV export). */
export async function* auditEventBatches(
  db: Db,
  filters: ActivityFilters,
  batchSize = 500,
): AsyncGenerator<AuditEventRow[]> {
  let beforeId: number | null = null;
  for (;;) {
    const where = and(
      conditions(filters),
      beforeId === null ? undefined : lt(auditEvents.id, beforeId),
    );
    const batch: AuditEventRow[] = await db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    beforeId = batch[batch.length - 1]?.id ?? null;
  }
}

/** The analysts who appear in the trail, for the activity page's filter. */
export async function auditAnalysts(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinctOn([auditEvents.analystId], {
      id: auditEvents.analystId,
      name: auditEvents.analystName,
    })
    .from(auditEvents)
    .orderBy(auditEvents.analystId, desc(auditEvents.id));
}

/** One user's own history on the trail, oldest first. */
export async function userAuditHistory(
  db: Db,
  user: { id: string; vendorData: string | null },
  limit = 200,
): Promise<AuditEventRow[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      user.vendorData
        ? or(
            eq(auditEvents.targetInternalId, user.id),
            eq(auditEvents.targetVendorData, user.vendorData),
          )
        : eq(auditEvents.targetInternalId, user.id),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.reverse();
}
