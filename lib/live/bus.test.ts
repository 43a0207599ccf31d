import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { LiveEvent, LiveEventData } from "@/lib/api/live";
import { type Database, openDatabase } from "@/lib/db/client";
import { createPostgresDatabase, describeEachDatabase } from "@/lib/testing/databases";
import { createLiveBus, type LiveBus, REPLAY_WINDOW_MS } from "./bus";

const ANA = { id: "oidc:ana", name: "Ana" };
const data = (action: string, userIds = ["u1"]): LiveEventData => ({
  userIds,
  action,
  analyst: ANA,
});

/** Resolves with the first `count` events `bus` delivers, or fails after `ms`. */
function collect(bus: LiveBus, count: number, ms = 2000): Promise<LiveEvent[]> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`${events.length} of ${count} events in ${ms} ms`));
    }, ms);
    const unsubscribe = bus.subscribe((event) => {
      events.push(event);
      if (events.length < count) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(events);
    });
  });
}

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase("the live bus", (kind) => {
  let database: Database;
  let bus: LiveBus;
  const buses: LiveBus[] = [];
  const databases: Database[] = [];
  beforeAll(async () => {
    database = await kind.open();
    bus = createLiveBus(database);
    await bus.ready();
  });
  afterEach(async () => {
    for (const other of buses.splice(0)) await other.close();
    for (const other of databases.splice(0)) await other.close();
  });
  afterAll(async () => {
    await bus?.close();
    await database?.close();
  });

  /** A bus of its own over a fresh database, closed after the test. */
  async function freshBus(): Promise<LiveBus> {
    const fresh = await kind.open();
    databases.push(fresh);
    const created = createLiveBus(fresh);
    buses.push(created);
    await created.ready();
    return created;
  }

  it("answers 0 as the latest id before anything was published", async () => {
    const fresh = await freshBus();
    expect(await fresh.latestId()).toBe(0);
    expect(await fresh.since(0)).toEqual([]);
  });

  it("stores what is published, and replays it in order with rising ids", async () => {
    const start = await bus.latestId();
    const now = new Date();
    const published = [
      await bus.publish("claim", data("claimed"), now),
      await bus.publish("note", data("added", ["u2"]), now),
      await bus.publish("decision", { ...data("decided", ["u1", "u2"]), status: "ACTIVE" }, now),
    ];
    expect(published[0]).toEqual({
      id: expect.any(Number),
      kind: "claim",
      at: now.toISOString(),
      data: data("claimed"),
    });
    const ids = published.map((event) => event.id);
    expect(ids[0]).toBeGreaterThan(start);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);

    expect(await bus.since(start)).toEqual(published);
    expect(await bus.since(ids[0] ?? 0)).toEqual(published.slice(1));
    expect(await bus.since(ids[2] ?? 0)).toEqual([]);
    expect(await bus.latestId()).toBe(ids[2]);
  });

  it("replays only the last hour", async () => {
    const fresh = await freshBus();
    const now = Date.now();
    const old = await fresh.publish("claim", data("claimed"), new Date(now - REPLAY_WINDOW_MS - 1));
    const recent = await fresh.publish("claim", data("released"), new Date(now - 60_000));
    expect(await fresh.since(0)).toEqual([recent]);
    // Asked as if an hour earlier, both are in the window.
    expect(await fresh.since(0, new Date(now - 30 * 60_000))).toEqual([old, recent]);
    // The latest id counts whatever is stored.
    expect(await fresh.latestId()).toBe(recent.id);
  });

  it("forgets events past the replay window as it publishes", async () => {
    const fresh = await freshBus();
    const now = Date.now();
    const old = await fresh.publish("claim", data("claimed"), new Date(now - 2 * REPLAY_WINDOW_MS));
    const beforeThen = new Date(now - REPLAY_WINDOW_MS - 1);
    const stored = async () => (await fresh.since(0, beforeThen)).map((event) => event.id);
    // A bus sweeps on its first publish and every hundredth after: the 101st sweeps next.
    for (let n = 2; n <= 100; n++) await fresh.publish("note", data(`n${n}`), new Date(now));
    expect(await stored()).toContain(old.id);
    await fresh.publish("note", data("n101"), new Date(now));
    const left = await stored();
    expect(left).not.toContain(old.id);
    expect(left).toHaveLength(100);
  });

  it("delivers each published event to every subscriber", async () => {
    const first = collect(bus, 2);
    const second = collect(bus, 2);
    const published = [
      await bus.publish("claim", data("claimed")),
      await bus.publish("proposal", data("proposed")),
    ];
    expect(await first).toEqual(published);
    expect(await second).toEqual(published);
  });

  it("stops delivering to a subscriber that unsubscribed", async () => {
    const heard: LiveEvent[] = [];
    const unsubscribe = bus.subscribe((event) => heard.push(event));
    // One event reaches every subscriber at once: when `collect` has it, so has `heard`.
    const firstSeen = collect(bus, 1);
    const first = await bus.publish("claim", data("claimed"));
    await firstSeen;
    unsubscribe();
    const secondSeen = collect(bus, 1);
    await bus.publish("claim", data("released"));
    await secondSeen;
    expect(heard).toEqual([first]);
  });

  it("keeps delivering to the others when one subscriber throws", async () => {
    const unsubscribe = bus.subscribe(() => {
      throw new Error("a broken stream");
    });
    try {
      const heard = collect(bus, 1);
      const event = await bus.publish("note", data("added"));
      expect(await heard).toEqual([event]);
    } finally {
      unsubscribe();
    }
  });

  it("tells the subscribers still there when it closes, and delivers nothing after", async () => {
    const fresh = await freshBus();
    const ended: string[] = [];
    const heard: LiveEvent[] = [];
    fresh.subscribe(
      (event) => heard.push(event),
      () => ended.push("a"),
    );
    const unsubscribe = fresh.subscribe(
      () => undefined,
      () => ended.push("gone"),
    );
    fresh.subscribe(() => undefined);
    unsubscribe();
    await fresh.close();
    expect(ended).toEqual(["a"]);
    // Closing twice is harmless.
    await fresh.close();
    expect(ended).toEqual(["a"]);
    // Still stored (the store is open), but no one is told any more.
    const after = await fresh.publish("claim", data("claimed"));
    await settle();
    expect(heard).toEqual([]);
    expect(await fresh.since(after.id - 1)).toEqual([after]);
  });

  it("delivers a decision on as many users as one may decide at once, by any analyst", async () => {
    // 200 users (MAX_USERS_PER_DECISION) with Didit's UUIDs, by an analyst with a long name:
    // more than the 8000 bytes a PostgreSQL NOTIFY may carry.
    const userIds = Array.from({ length: 200 }, () => randomUUID());
    const analyst = { id: "oidc:0123456789abcdef", name: "Maria-Alexandra Fernández-Oliveira" };
    const later = data("added");
    const heard = collect(bus, 2);
    const event = await bus.publish("decision", {
      userIds,
      action: "decided",
      analyst,
      status: "BLOCKED",
    });
    const next = await bus.publish("note", later);
    expect(event.data).toEqual({ userIds, action: "decided", analyst, status: "BLOCKED" });
    // Heard whole, and in the order published.
    expect(await heard).toEqual([event, next]);
    expect(await bus.since(event.id - 1)).toEqual([event, next]);
  });

  describe.skipIf(kind.name !== "PostgreSQL")("across instances (PostgreSQL)", () => {
    let url: string;
    const instances: { database: Database; bus: LiveBus }[] = [];
    beforeAll(async () => {
      const postgres = inject("postgres");
      if ("missing" in postgres) throw new Error(postgres.missing);
      url = await createPostgresDatabase(postgres.url);
    });
    afterEach(async () => {
      for (const instance of instances.splice(0)) {
        await instance.bus.close();
        await instance.database.close();
      }
    });

    /** What a second server process has: its own pool on the same database, its own bus. */
    async function instance() {
      const opened = await openDatabase({ kind: "postgres", url });
      const created = { database: opened, bus: createLiveBus(opened) };
      instances.push(created);
      await created.bus.ready();
      return created;
    }

    it("delivers an event published on one instance to the other's subscribers within 2 s", async () => {
      const one = await instance();
      const two = await instance();
      expect(one.database.pool).not.toBe(two.database.pool);
      const onTwo = collect(two.bus, 2, 2000);
      const onOne = collect(one.bus, 2, 2000);
      const first = await one.bus.publish("claim", data("claimed"));
      const second = await two.bus.publish("note", data("added"));
      const sent = [first, second];
      // Each instance hears both: the other's, and its own through its LISTEN.
      expect(await onTwo).toEqual(sent);
      expect(await onOne).toEqual(sent);
      // Both replay from the one table.
      expect(await two.bus.since(first.id - 1)).toEqual(sent);
      expect(await one.bus.latestId()).toBe(second.id);
    });

    it("delivers an event too large for NOTIFY to the other instance too, in order", async () => {
      const one = await instance();
      const two = await instance();
      const userIds = Array.from({ length: 200 }, () => `${randomUUID()}-${randomUUID()}`);
      const onTwo = collect(two.bus, 3, 2000);
      const sent = [
        await one.bus.publish("decision", { ...data("decided", userIds), status: "ACTIVE" }),
        await one.bus.publish("claim", data("claimed")),
        await one.bus.publish("decision", { ...data("decided", userIds), status: "BLOCKED" }),
      ];
      expect(await onTwo).toEqual(sent);
    });

    it("no longer hears the others once closed", async () => {
      const one = await instance();
      const two = await instance();
      const heard: LiveEvent[] = [];
      const ended: string[] = [];
      two.bus.subscribe(
        (event) => heard.push(event),
        () => ended.push("two"),
      );
      await two.bus.close();
      expect(ended).toEqual(["two"]);
      const seen = collect(one.bus, 1);
      await one.bus.publish("claim", data("claimed"));
      await seen;
      await settle();
      expect(heard).toEqual([]);
    });
  });
});
