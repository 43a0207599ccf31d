import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { PoolClient } from "pg";
import type { LiveEvent, LiveEventData, LiveKind } from "@/lib/api/live";
import type { Database } from "@/lib/db/client";
import { type LiveEventRow, liveEvents } from "@/lib/db/schema";
import { log } from "@/lib/log";

/** How long events are kept for browsers that reconnect with `Last-Event-ID`. */
export const REPLAY_WINDOW_MS = 60 * 60_000;
/** At most this many events are replayed to one reconnecting browser (it refetches anyway). */
const REPLAY_LIMIT = 500;
const CHANNEL = "inbox_live";
const RECONNECT_MS = 1000;
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (a decision on 200 users can be). */
const NOTIFY_MAX_BYTES = 7999;

export type LiveListener = (event: LiveEvent) => void;

export interface LiveBus {
  /** Stores the event and delivers it to every subscriber, on every instance. */
  publish(kind: LiveKind, data: LiveEventData, now?: Date): Promise<LiveEvent>;
  /** Events after `id`, oldest first, within the replay window. */
  since(id: number, now?: Date): Promise<LiveEvent[]>;
  /** The newest event's id (0 when there is none): where a fresh stream starts. */
  latestId(): Promise<number>;
  /** `ended` is called if the bus closes first (the server is stopping). */
  subscribe(listener: LiveListener, ended?: () => void): () => void;
  /** Resolves once this instance hears other instances' events (PostgreSQL's LISTEN is on). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function toEvent(row: LiveEventRow): LiveEvent {
  return {
    id: row.id,
    kind: row.kind as LiveKind,
    at: row.occurredAt.toISOString(),
    data: row.data as unknown as LiveEventData,
  };
}

/**
 * Live events over the inbox's store. With PostgreSQL each event is also sent with NOTIFY and
 * every instance LISTENs, so an analyst on one instance sees what another did on a second one;
 * with the embedded store (one process) the bus is in-process. Either way the row is written
 * first, so a browser that was away catches up from the table.
 */
export function createLiveBus(database: Database): LiveBus {
  const { db } = database;
  const listeners = new Set<LiveListener>();
  const endings = new Map<LiveListener, () => void>();
  let lastDelivered = 0;
  let published = 0;
  let closed = false;
  let listenClient: PoolClient | null = null;
  let reconnect: NodeJS.Timeout | null = null;
  /** Notifications are delivered one after the other, in the order they came. */
  let received: Promise<void> = Promise.resolve();

  const deliver = (event: LiveEvent) => {
    if (event.id > lastDelivered) lastDelivered = event.id;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // One broken stream must not stop the others.
      }
    }
  };

  const since = async (id: number, now = new Date()) => {
    const rows = await db
      .select()
      .from(liveEvents)
      .where(
        and(
          gt(liveEvents.id, id),
          gt(liveEvents.occurredAt, new Date(now.getTime() - REPLAY_WINDOW_MS)),
        ),
      )
      .orderBy(asc(liveEvents.id))
      .limit(REPLAY_LIMIT);
    return rows.map(toEvent);
  };

  /** PostgreSQL: one connection of the pool LISTENs; when it drops, it comes back and catches up. */
  const listen = async () => {
    const pool = database.pool;
    if (!pool || closed) return;
    try {
      const client = await pool.connect();
      listenClient = client;
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        let notified: Partial<LiveEvent>;
        try {
          notified = JSON.parse(message.payload) as Partial<LiveEvent>;
        } catch {
          return; // Not ours.
        }
        received = received
          .then(async () => {
            if (notified.data) return deliver(notified as LiveEvent);
            // Too large for NOTIFY: only its id came, and the event is read from the table.
            if (typeof notified.id !== "number") return;
            const [row] = await db.select().from(liveEvents).where(eq(liveEvents.id, notified.id));
            if (row) deliver(toEvent(row));
          })
          .catch(() => undefined);
      });
      client.on("error", () => {
        if (listenClient !== client) return;
        listenClient = null;
        client.release(true);
        scheduleListen();
      });
      await client.query(`LISTEN ${CHANNEL}`);
      // What was written while nobody listened (a restart of PostgreSQL, of this instance).
      if (lastDelivered > 0) for (const event of await since(lastDelivered)) deliver(event);
    } catch (error) {
      log.warn({ err: { name: (error as Error)?.name } }, "live events: LISTEN failed, retrying");
      if (listenClient) {
        listenClient.release(true);
        listenClient = null;
      }
      scheduleListen();
    }
  };
  const scheduleListen = () => {
    if (closed || reconnect) return;
    reconnect = setTimeout(() => {
      reconnect = null;
      void listen();
    }, RECONNECT_MS);
    reconnect.unref();
  };
  const listening = database.kind === "postgres" ? listen() : Promise.resolve();

  return {
    async publish(kind, data, now = new Date()) {
      const [row] = await db
        .insert(liveEvents)
        .values({ occurredAt: now, kind, data: data as unknown as Record<string, unknown> })
        .returning();
      if (!row) throw new Error("live event not stored");
      const event = toEvent(row);
      if (database.pool) {
        // NOTIFY reaches every instance, this one included (through its LISTEN).
        const payload = JSON.stringify(event);
        const fits = Buffer.byteLength(payload) <= NOTIFY_MAX_BYTES;
        await database.pool.query("select pg_notify($1, $2)", [
          CHANNEL,
          fits ? payload : JSON.stringify({ id: event.id }),
        ]);
      } else {
        deliver(event);
      }
      // Now and then, forget what no reconnecting browser can still ask for.
      if (++published % 100 === 1) {
        const cutoff = new Date(now.getTime() - REPLAY_WINDOW_MS);
        await db
          .delete(liveEvents)
          .where(lt(liveEvents.occurredAt, cutoff))
          .catch(() => undefined);
      }
      return event;
    },
    since,
    async latestId() {
      const [row] = await db
        .select({ id: sql<string | number | null>`max(${liveEvents.id})` })
        .from(liveEvents);
      return Number(row?.id ?? 0);
    },
    ready: () => listening,
    subscribe(listener, ended) {
      listeners.add(listener);
      if (ended) endings.set(listener, ended);
      return () => {
        listeners.delete(listener);
        endings.delete(listener);
      };
    },
    async close() {
      closed = true;
      if (reconnect) clearTimeout(reconnect);
      for (const ended of [...endings.values()]) ended();
      listeners.clear();
      endings.clear();
      await listening;
      if (listenClient) {
        await listenClient.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        listenClient.release();
        listenClient = null;
      }
    },
  };
}
