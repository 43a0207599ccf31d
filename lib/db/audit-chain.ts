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

/** More than this many waiting appends go in the next transaction. */
const MAX_BATCH = 500;

interface PendingAppend {
  input: AuditInput;
  resolve: (row: AuditEventRow) => void;
  reject: (error: unknown) => void;
}

/** Appends waiting for the next transaction, per database handle. */
const queues = new WeakMap<Db, { waiting: PendingAppend[]; flushing: boolean }>();

/**
 * Appends one event at the end of the chain and returns it once it is committed. Serialised twice
 * over: in-process (PGlite has one connection) and by an advisory lock held for the transaction
 * (PostgreSQL with several instances), so no two events ever claim the same predecessor.
 *
 * Group commit: appends that arrive while a transaction is running are written together in the
 * next one, in arrival order. A bulk decision's intents and outcomes then cost a few
 * transactions instead of one each, and each caller still waits for its own event to be durable.
 */
export function appendAuditEvent(db: Db, input: AuditInput): Promise<AuditEventRow> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], flushing: false };
    queues.set(db, queue);
  }
  const promise = new Promise<AuditEventRow>((resolve, reject) => {
    queue.waiting.push({ input, resolve, reject });
  });
  if (!queue.flushing) void flush(db, queue);
  return promise;
}

async function flush(db: Db, queue: { waiting: PendingAppend[]; flushing: boolean }) {
  queue.flushing = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      try {
        const rows = await appendBatch(
          db,
          batch.map((pending) => pending.input),
        );
        batch.forEach((pending, index) => {
          const row = rows[index];
          if (row) pending.resolve(row);
          else pending.reject(new Error("the audit event was not stored"));
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  } finally {
    queue.flushing = false;
  }
}

async function appendBatch(
  db: Db,
  inputs: AuditInput[],
): Promise<Array<AuditEventRow | undefined>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const next = await tx.execute<{ id: string }>(
      sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id
          from generate_series(1, ${inputs.length})`,
    );
    const ids = (next as unknown as { rows: { id: string }[] }).rows
      .map((row) => Number(row.id))
      .sort((a, b) => a - b);
    let prevHash = last?.hash ?? null;
    const values = inputs.map((input, index) => {
      const content: AuditContent = {
        ...input,
        id: ids[index] ?? Number.NaN,
        occurredAt: instant(input.occurredAt ?? new Date().toISOString()),
        details: input.details ?? {},
      };
      const hash = hashEvent(prevHash, content);
      const row = { ...content, prevHash, hash };
      prevHash = hash;
      return row;
    });
    const rows = await tx.insert(auditEvents).values(values).returning();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return values.map((value) => byId.get(value.id));
  });
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
