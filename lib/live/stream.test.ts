import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent, LiveEventData, LiveKind } from "@/lib/api/live";
import { type Database, openDatabase } from "@/lib/db/client";
import { createLiveBus, type LiveBus, type LiveListener } from "./bus";
import { liveStream, parseLastEventId } from "./stream";

const ANA = { id: "oidc:ana", name: "Ana" };
const data = (action: string): LiveEventData => ({ userIds: ["u1"], action, analyst: ANA });
const frame = (event: LiveEvent) => `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
const RETRY = "retry: 1500\n\n";
const READY = "event: ready\ndata: {}\n\n";
const readyAt = (id: number) => `event: ready\nid: ${id}\ndata: {}\n\n`;
const SESSION_ENDED = "event: session-ended\ndata: {}\n\n";
const HEARTBEAT = ": heartbeat\n\n";

/** A deferred promise: `ready()` and `since()` of the fake bus wait on these when asked to. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A bus in memory, whose every answer the test controls. */
function fakeBus() {
  const stored: LiveEvent[] = [];
  const listeners = new Map<LiveListener, (() => void) | undefined>();
  let ready: Promise<void> = Promise.resolve();
  let since: ((id: number) => Promise<LiveEvent[]>) | null = null;
  const event = (kind: LiveKind, action: string): LiveEvent => ({
    id: (stored.at(-1)?.id ?? 0) + 1,
    kind,
    at: new Date().toISOString(),
    data: data(action),
  });
  const bus: LiveBus & {
    add(kind: LiveKind, action: string): LiveEvent;
    deliver(event: LiveEvent): void;
    listeners: typeof listeners;
    holdReady(wait: Promise<void>): void;
    holdSince(answer: (id: number) => Promise<LiveEvent[]>): void;
  } = {
    listeners,
    /** Stored, not delivered: what happened while the browser was away. */
    add(kind, action) {
      const added = event(kind, action);
      stored.push(added);
      return added;
    },
    deliver(delivered) {
      for (const listener of listeners.keys()) listener(delivered);
    },
    holdReady(wait) {
      ready = wait;
    },
    holdSince(answer) {
      since = answer;
    },
    async publish(kind, eventData) {
      const published = { ...event(kind, eventData.action), data: eventData };
      stored.push(published);
      bus.deliver(published);
      return published;
    },
    async since(id) {
      if (since) return since(id);
      return stored.filter((candidate) => candidate.id > id);
    },
    async latestId() {
      return stored.at(-1)?.id ?? 0;
    },
    subscribe(listener, ended) {
      listeners.set(listener, ended);
      return () => listeners.delete(listener);
    },
    ready: () => ready,
    async close() {
      for (const ended of [...listeners.values()]) ended?.();
      listeners.clear();
    },
  };
  return bus;
}

/** Reads a stream's text as it comes. */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let done = false;
  let pending: Promise<void> | null = null;
  const pull = () => {
    pending ??= source.read().then((chunk) => {
      pending = null;
      if (chunk.done) done = true;
      else text += decoder.decode(chunk.value, { stream: true });
    });
    return pending;
  };
  const within = async (ms: number, until: () => boolean, what: string) => {
    const deadline = Date.now() + ms;
    while (!until()) {
      if (done) throw new Error(`the stream ended before ${what}; it said ${JSON.stringify(text)}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no ${what} in ${ms} ms; the stream said ${JSON.stringify(text)}`);
      await Promise.race([pull(), new Promise((resolve) => setTimeout(resolve, left))]);
    }
  };
  return {
    get text() {
      return text;
    },
    /** Waits until the text so far contains `part`. */
    until: (part: string, ms = 2000) => within(ms, () => text.includes(part), JSON.stringify(part)),
    /** Waits until the stream is closed. */
    ended: (ms = 2000) => within(ms, () => done, "end"),
    cancel: () => source.cancel(),
  };
}

const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

describe("liveStream", () => {
  it("sends an event that arrives after one with a higher id (published at once elsewhere)", async () => {
    const bus = fakeBus();
    const abort = new AbortController();
    const read = reader(
      liveStream({ bus, lastEventId: null, sessionLive: async () => true, signal: abort.signal }),
    );
    await read.until("event: ready");
    const at = new Date().toISOString();
    const later = { id: 8, kind: "claim" as const, at, data: data("claimed") };
    const earlier = { id: 7, kind: "note" as const, at, data: data("added") };
    bus.deliver(later);
    bus.deliver(earlier);
    bus.deliver(later);
    await read.until(frame(earlier));
    expect(read.text).toBe(RETRY + readyAt(0) + frame(later) + frame(earlier));
    abort.abort();
  });

  it("starts a first connection with the retry delay, then ready at the latest id", async () => {
    const bus = fakeBus();
    bus.add("claim", "claimed");
    const latest = bus.add("note", "added");
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: null,
        sessionLive: async () => true,
        signal: abort.signal,
      }),
    );
    await read.until("event: ready");
    // Nothing is replayed to a first connection: it loads everything fresh anyway.
    expect(read.text).toBe(RETRY + readyAt(latest.id));
    abort.abort();
    await read.ended();
  });

  it("answers ready at id 0 when nothing was ever published", async () => {
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus: fakeBus(),
        lastEventId: null,
        sessionLive: async () => true,
        signal: abort.signal,
      }),
    );
    await read.until("event: ready");
    expect(read.text).toBe(RETRY + readyAt(0));
    abort.abort();
  });

  it("replays what a reconnecting browser missed, in order, then says ready", async () => {
    const bus = fakeBus();
    const seen = bus.add("claim", "claimed");
    const first = bus.add("note", "added");
    const second = bus.add("decision", "decided");
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: seen.id,
        sessionLive: async () => true,
        signal: abort.signal,
      }),
    );
    await read.until("event: ready");
    expect(read.text).toBe(RETRY + frame(first) + frame(second) + READY);
    abort.abort();
  });

  it("sends each new event as `id` and `data`, once", async () => {
    const bus = fakeBus();
    const abort = new AbortController();
    const read = reader(
      liveStream({ bus, lastEventId: null, sessionLive: async () => true, signal: abort.signal }),
    );
    await read.until("event: ready");
    const first = await bus.publish("claim", data("claimed"));
    const second = await bus.publish("proposal", { ...data("proposed"), status: "BLOCKED" });
    await read.until(frame(second));
    expect(read.text).toBe(RETRY + readyAt(0) + frame(first) + frame(second));
    expect(frame(first)).toBe(
      `id: ${first.id}\ndata: {"id":${first.id},"kind":"claim","at":"${first.at}","data":{"userIds":["u1"],"action":"claimed","analyst":{"id":"oidc:ana","name":"Ana"}}}\n\n`,
    );
    // Heard again (a second delivery path, a replay): not sent again.
    bus.deliver(first);
    const third = await bus.publish("note", data("added"));
    await read.until(frame(third));
    expect(read.text).toBe(RETRY + readyAt(0) + frame(first) + frame(second) + frame(third));
    abort.abort();
  });

  it("holds events published during the replay, then sends them after it, once each", async () => {
    const bus = fakeBus();
    const seen = bus.add("claim", "claimed");
    const missed = bus.add("note", "added");
    const replay = gate<LiveEvent[]>();
    bus.holdSince(() => replay.promise);
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: seen.id,
        sessionLive: async () => true,
        signal: abort.signal,
      }),
    );
    while (bus.listeners.size === 0) await tick(5);
    // Published while the backlog is read: the newer one arrives first, and the backlog's own
    // event is heard live too.
    const older = bus.add("decision", "decided");
    const newer = bus.add("claim", "released");
    bus.deliver(newer);
    bus.deliver(missed);
    bus.deliver(older);
    replay.open([missed]);
    await read.until(frame(newer));
    expect(read.text).toBe(RETRY + frame(missed) + READY + frame(older) + frame(newer));
    abort.abort();
  });

  it("with a heartbeat, asks whether the session stands, and ends the stream when it does not", async () => {
    const bus = fakeBus();
    const answers = [true, true, false];
    let asked = 0;
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: null,
        sessionLive: async () => answers[asked++] ?? false,
        signal: abort.signal,
        heartbeatMs: 20,
      }),
    );
    await read.ended();
    expect(read.text).toBe(RETRY + readyAt(0) + HEARTBEAT + HEARTBEAT + SESSION_ENDED);
    expect(asked).toBe(3);
    // The stream let go of the bus, and asks no more.
    expect(bus.listeners.size).toBe(0);
    await tick(100);
    expect(asked).toBe(3);
  });

  it("keeps the stream open when the session cannot be checked", async () => {
    const bus = fakeBus();
    let asked = 0;
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: null,
        sessionLive: async () => {
          asked += 1;
          throw new Error("store unreachable");
        },
        signal: abort.signal,
        heartbeatMs: 20,
      }),
    );
    await read.until(HEARTBEAT + HEARTBEAT);
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(read.text).not.toContain("session-ended");
    abort.abort();
    await read.ended();
  });

  it("closes when the request is aborted, letting go of the bus", async () => {
    const bus = fakeBus();
    let asked = 0;
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: null,
        sessionLive: async () => {
          asked += 1;
          return true;
        },
        signal: abort.signal,
        heartbeatMs: 20,
      }),
    );
    await read.until("event: ready");
    expect(bus.listeners.size).toBe(1);
    abort.abort();
    await read.ended();
    expect(bus.listeners.size).toBe(0);
    const before = asked;
    await tick(100);
    expect(asked).toBe(before);
    // Nothing published afterwards is written (the stream is closed: it would throw).
    await bus.publish("claim", data("claimed"));
  });

  it("closes when the reader cancels it", async () => {
    const bus = fakeBus();
    const abort = new AbortController();
    const read = reader(
      liveStream({ bus, lastEventId: null, sessionLive: async () => true, signal: abort.signal }),
    );
    await read.until("event: ready");
    await read.cancel();
    expect(bus.listeners.size).toBe(0);
  });

  it("closes when the bus closes (the server is stopping)", async () => {
    const bus = fakeBus();
    const abort = new AbortController();
    const read = reader(
      liveStream({ bus, lastEventId: null, sessionLive: async () => true, signal: abort.signal }),
    );
    await read.until("event: ready");
    await bus.close();
    await read.ended();
    expect(read.text).toBe(RETRY + readyAt(0));
  });

  it("closes at once for a request aborted before it began", async () => {
    const bus = fakeBus();
    let asked = 0;
    const abort = new AbortController();
    abort.abort();
    const read = reader(
      liveStream({
        bus,
        lastEventId: null,
        sessionLive: async () => {
          asked += 1;
          return true;
        },
        signal: abort.signal,
        heartbeatMs: 10,
      }),
    );
    await read.ended();
    await tick(60);
    expect(bus.listeners.size).toBe(0);
    expect(asked).toBe(0);
  });

  it("leaves nothing behind when aborted while it was still starting", async () => {
    for (const stage of ["ready", "replay"] as const) {
      const bus = fakeBus();
      const seen = bus.add("claim", "claimed");
      const waiting = gate();
      const replay = gate<LiveEvent[]>();
      if (stage === "ready") bus.holdReady(waiting.promise);
      else bus.holdSince(() => replay.promise);
      let asked = 0;
      const abort = new AbortController();
      const read = reader(
        liveStream({
          bus,
          lastEventId: seen.id,
          sessionLive: async () => {
            asked += 1;
            return true;
          },
          signal: abort.signal,
          heartbeatMs: 10,
        }),
      );
      await read.until(RETRY);
      if (stage === "replay") while (bus.listeners.size === 0) await tick(5);
      // The browser goes away before the stream is ready.
      abort.abort();
      await read.ended();
      waiting.open();
      replay.open([]);
      await tick(80);
      expect(bus.listeners.size, stage).toBe(0);
      expect(asked, stage).toBe(0);
      expect(read.text, stage).toBe(RETRY);
    }
  });
});

describe("liveStream over a real bus (PGlite)", () => {
  let database: Database;
  let bus: LiveBus;
  beforeAll(async () => {
    database = await openDatabase({ kind: "memory" });
    bus = createLiveBus(database);
  });
  afterAll(async () => {
    await bus?.close();
    await database?.close();
  });

  it("replays from Last-Event-ID, then streams what is published", async () => {
    const seen = await bus.publish("claim", data("claimed"));
    const missed = await bus.publish("note", data("added"));
    const abort = new AbortController();
    const read = reader(
      liveStream({
        bus,
        lastEventId: seen.id,
        sessionLive: async () => true,
        signal: abort.signal,
      }),
    );
    await read.until("event: ready");
    const next = await bus.publish("decision", { ...data("decided"), status: "ACTIVE" });
    await read.until(frame(next));
    expect(read.text).toBe(RETRY + frame(missed) + READY + frame(next));

    const fresh = new AbortController();
    const second = reader(
      liveStream({ bus, lastEventId: null, sessionLive: async () => true, signal: fresh.signal }),
    );
    await second.until("event: ready");
    expect(second.text).toBe(RETRY + readyAt(next.id));
    abort.abort();
    fresh.abort();
    await read.ended();
    await second.ended();
  });
});

describe("parseLastEventId", () => {
  it("reads an event id of digits", () => {
    expect(parseLastEventId("0")).toBe(0);
    expect(parseLastEventId("42")).toBe(42);
    expect(parseLastEventId(" 42 ")).toBe(42);
    expect(parseLastEventId("999999999999999")).toBe(999_999_999_999_999);
  });

  it("takes anything else for a first connection", () => {
    for (const value of [
      null,
      "",
      " ",
      "-1",
      "+1",
      "1.5",
      "1e3",
      "0x10",
      "12abc",
      "abc",
      "1 2",
      "1234567890123456",
    ]) {
      expect(parseLastEventId(value), String(value)).toBeNull();
    }
  });
});
