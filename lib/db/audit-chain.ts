import "server-only";
import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { type AuditEventRow, auditEvents } from "./schema";

/**
 * The audit trail's tamper evidence. Each event's `hash` is SHA-256 over the previous event's hash
 * and the event's own canonical content (its id included), so editing, deleting or reordering a
 * stored event breaks the chain at that event. What it does not prove is said in README
 * ("The audit trail"): someone who rewrites every hash from the first event on is not detected
 * by the chain alone.
 */

export type AuditContent = Omit<AuditEventRow, "hash" | "prevHash">;
export type AuditInput = Omit<AuditContent, "id" | "occurredAt" | "details"> & {
  occurredAt?: string;
  details?: Record<string, unknown>;
};

/** JSON with object keys sorted at every depth: the same content always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
}

/** Timestamps as the database returns them vary in format; the instant is what is hashed. */
const instant = (value: string) => new Date(value).toISOString();

export function hashEvent(prevHash: string | null, event: AuditContent): string {
  const content = canonical({ ...event, occurredAt: instant(event.occurredAt) });
  return createHash("sha256")
    .update(prevHash ?? "")
    .update("\n")
    .update(content)
    .digest("hex");
}

/** Appends take turns across every instance sharing the database. */
const CHAIN_LOCK = 0x1d1d_0002;
let localTurn: Promise<unknown> = Promise.resolve();

/**
 * Appends one event at the end of the chain and returns it. Serialised twice over: in-process
 * (PGlite has one connection) and by an advisory lock held for the transaction (PostgreSQL with
 * several instances), so no two events ever claim the same predecessor.
 */
export function appendAuditEvent(db: Db, input: AuditInput): Promise<AuditEventRow> {
  const run = async () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const [last] = await tx
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const next = await tx.execute<{ id: string }>(
        sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id`,
      );
      const id = Number((next as unknown as { rows: { id: string }[] }).rows[0]?.id);
      const content: AuditContent = {
        ...input,
        id,
        occurredAt: instant(input.occurredAt ?? new Date().toISOString()),
        details: input.details ?? {},
      };
      const prevHash = last?.hash ?? null;
      const [row] = await tx
        .insert(auditEvents)
        .values({ ...content, prevHash, hash: hashEvent(prevHash, content) })
        .returning();
      if (!row) throw new Error("the audit event was not stored");
      return row;
    });
  const turn = localTurn.then(run, run);
  localTurn = turn.catch(() => undefined);
  return turn;
}

export type ChainReport =
  | { intact: true; events: number }
  | { intact: false; events: number; brokenAt: { id: number; occurredAt: string; why: string } };

const BATCH = 1000;

/** Walks the whole chain in id order; the first event whose link does not hold is reported. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prevHash: string | null = null;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const rows: AuditEventRow[] = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(BATCH);
    for (const row of rows) {
      const { hash, prevHash: storedPrev, ...content } = row;
      const broken = (why: string): ChainReport => ({
        intact: false,
        events,
        brokenAt: { id: row.id, occurredAt: instant(row.occurredAt), why },
      });
      if (storedPrev !== prevHash) {
        return broken("it does not follow the event before it (one was removed or moved)");
      }
      if (hashEvent(storedPrev, content) !== hash) {
        return broken("its content does not match its hash (it was changed)");
      }
      prevHash = hash;
      events++;
      afterId = row.id;
    }
    if (rows.length < BATCH) return { intact: true, events };
  }
}
