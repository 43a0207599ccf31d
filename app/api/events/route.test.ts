import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  apiRequest,
  as,
  call,
  configure,
  type FakeDidit,
  installDatabase,
  type RouteHandler,
  signIn,
  type TestAnalyst,
  uninstallDatabase,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

let upstream: FakeDidit;
let events: RouteHandler;
let claims: RouteHandler;
let notes: RouteHandler;
let announce: typeof import("@/lib/live/server").announce;
let getLiveBus: typeof import("@/lib/live/server").getLiveBus;
let HEARTBEAT_MS: number;

beforeAll(async () => {
  upstream = await configure();
  events = (await import("./route")).GET as unknown as RouteHandler;
  claims = (await import("../claims/route")).POST as unknown as RouteHandler;
  notes = (await import("../notes/route")).POST as unknown as RouteHandler;
  ({ announce, getLiveBus } = await import("@/lib/live/server"));
  ({ HEARTBEAT_MS } = await import("@/lib/live/stream"));
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

interface Frame {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Server-Sent Events frames, as EventSource splits them. */
function framesOf(text: string): Frame[] {
  return text
    .split("\n\n")
    .filter((block) => block.length > 0)
    .map((block) => {
      const frame: Frame = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) frame.comment = line.slice(1).trim();
        const match = /^(event|id|data|retry): ?(.*)$/.exec(line);
        if (match) frame[match[1] as "event" | "id" | "data" | "retry"] = match[2];
      }
      return frame;
    });
}

/** The event frames (those with data and no event name), parsed. */
const delivered = (frames: Frame[]) =>
  frames
    .filter((frame) => frame.event === undefined && frame.data !== undefined)
    .map((frame) => ({ frameId: frame.id, ...JSON.parse(frame.data ?? "{}") }));

interface OpenStream {
  response: Response;
  frames(): Frame[];
  /** Reads until `predicate` holds for the frames so far (or fails after a while). */
  until(predicate: (frames: Frame[]) => boolean, ms?: number): Promise<Frame[]>;
  /** Whether the server ended the stream. */
  ended(): boolean;
  /** The browser goes away: the request's signal aborts (the stream is not read any more). */
  abort(): void;
  close(): void;
}

const open: OpenStream[] = [];

afterEach(() => {
  for (const stream of open.splice(0)) stream.close();
});

async function connect(
  who: TestAnalyst | null,
  headers: Record<string, string> = {},
  query = "",
): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await as(
    who,
    events,
    apiRequest(`/api/events${query}`, { headers, signal: abort.signal }),
  );
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let done = false;
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;
  const stream: OpenStream = {
    response,
    frames: () => framesOf(text),
    ended: () => done,
    async until(predicate, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (!predicate(framesOf(text))) {
        if (done || !reader) throw new Error(`the stream ended first; it said:\n${text}`);
        pending ??= reader.read();
        const next = await Promise.race([pending, sleep(Math.max(0, deadline - Date.now()))]);
        if (next === undefined) throw new Error(`not said in time; the stream said:\n${text}`);
        pending = null;
        if (next.done) done = true;
        else text += next.value;
      }
      return framesOf(text);
    },
    abort: () => abort.abort(),
    close() {
      abort.abort();
      void reader?.cancel().catch(() => undefined);
    },
  };
  open.push(stream);
  return stream;
}

const isReady = (frames: Frame[]) => frames.some((frame) => frame.event === "ready");

describeEachDatabase("GET /api/events", (kind) => {
  let ana: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    vic = await signIn("Vic Viewer", "viewer");
  });

  it("refuses a request without a session: 401, and no stream", async () => {
    const answer = await call(null, events, apiRequest("/api/events"));
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthenticated");
  });

  it("opens a stream for any signed-in analyst: retry first, then ready at the newest event", async () => {
    await announce("claim", {
      userIds: ["u-before"],
      action: "claimed",
      analyst: { id: ana.id, name: ana.name },
    });
    const latest = await (await getLiveBus()).latestId();
    expect(latest).toBeGreaterThan(0);
    const stream = await connect(vic);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get("cache-control")).toContain("no-transform");
    const frames = await stream.until(isReady);
    expect(frames[0]).toEqual({ retry: "1500" });
    expect(frames[1]).toMatchObject({ event: "ready", id: String(latest) });
    // A first connection replays nothing from before it.
    expect(delivered(frames)).toEqual([]);
  });

  it("delivers what others do after it connected, with ids, and never a note's text", async () => {
    const stream = await connect(vic);
    const ready = await stream.until(isReady);
    const readyId = Number(ready.find((frame) => frame.event === "ready")?.id);

    const claimed = await call(
      ana,
      claims,
      apiRequest("/api/claims", { method: "POST", body: { userId: "u-1", vendorData: "user-1" } }),
    );
    expect(claimed.status).toBe(200);
    const noted = await call(
      ana,
      notes,
      apiRequest("/api/notes", {
        method: "POST",
        body: { userId: "u-1", vendorData: "user-1", body: "Secret remark about the customer" },
      }),
    );
    expect(noted.status).toBe(201);
    await (await getLiveBus()).publish("decision", {
      userIds: ["u-1", "u-2"],
      action: "decided",
      analyst: { id: ana.id, name: ana.name },
      status: "ACTIVE",
    });

    const frames = await stream.until((all) => delivered(all).length >= 3);
    const got = delivered(frames);
    expect(got).toMatchObject([
      {
        kind: "claim",
        data: {
          userIds: ["u-1"],
          action: "claimed",
          analyst: { id: ana.id, name: "Ana Analyst" },
        },
      },
      { kind: "note", data: { userIds: ["u-1"], action: "added" } },
      { kind: "decision", data: { userIds: ["u-1", "u-2"], status: "ACTIVE" } },
    ]);
    const ids = got.map((event) => Number(event.id));
    expect(ids.every((id) => id > readyId)).toBe(true);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // Each frame's `id:` (what EventSource sends back as Last-Event-ID) is the event's own id.
    expect(got.map((event) => event.frameId)).toEqual(ids.map(String));
    expect(JSON.stringify(frames)).not.toContain("Secret remark");
  });

  it("replays what a reconnecting browser missed after Last-Event-ID, then says ready", async () => {
    const first = await connect(ana);
    const seen = Number((await first.until(isReady)).find((frame) => frame.event === "ready")?.id);
    first.close();

    for (const user of ["u-10", "u-11", "u-12"]) {
      await announce("claim", {
        userIds: [user],
        action: "released",
        analyst: { id: ana.id, name: ana.name },
      });
    }

    const back = await connect(ana, { "last-event-id": String(seen) });
    const frames = await back.until(isReady);
    const missed = delivered(frames);
    expect(missed.map((event) => event.data.userIds[0])).toEqual(["u-10", "u-11", "u-12"]);
    // The missed events come before ready.
    expect(frames.findIndex((frame) => frame.event === "ready")).toBe(frames.length - 1);

    const later = await connect(ana, { "last-event-id": String(missed[1]?.id) });
    expect(delivered(await later.until(isReady)).map((event) => event.data.userIds[0])).toEqual([
      "u-12",
    ]);

    // `?after=` does the same for a browser that cannot set the header.
    const byQuery = await connect(ana, {}, `?after=${missed[0]?.id}`);
    expect(delivered(await byQuery.until(isReady)).map((event) => event.data.userIds[0])).toEqual([
      "u-11",
      "u-12",
    ]);

    // Anything that is no event id counts as a first connection: nothing replayed.
    const garbled = await connect(ana, { "last-event-id": "12; drop table" });
    expect(delivered(await garbled.until(isReady))).toEqual([]);
  });

  it("keeps delivering after the replay, each event once", async () => {
    const seen = await (await getLiveBus()).latestId();
    await announce("note", {
      userIds: ["u-20"],
      action: "added",
      analyst: { id: ana.id, name: ana.name },
    });
    const stream = await connect(vic, { "last-event-id": String(seen) });
    await stream.until(isReady);
    await announce("note", {
      userIds: ["u-21"],
      action: "added",
      analyst: { id: ana.id, name: ana.name },
    });
    const frames = await stream.until((all) => delivered(all).length >= 2);
    expect(delivered(frames).map((event) => event.data.userIds[0])).toEqual(["u-20", "u-21"]);
  });

  describe("at each heartbeat", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("sends a heartbeat while the session stands, and session-ended once it is gone", async () => {
      const eve = await signIn("Eve Analyst");
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const stream = await connect(eve);
      await stream.until(isReady);

      vi.advanceTimersByTime(HEARTBEAT_MS);
      await stream.until((frames) => frames.some((frame) => frame.comment === "heartbeat"));

      const { deleteSession } = await import("@/lib/auth/session-store");
      const { getDatabase } = await import("@/lib/db/database");
      await deleteSession((await getDatabase()).db, eve.sessionId);
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const frames = await stream.until((all) =>
        all.some((frame) => frame.event === "session-ended"),
      );
      expect(frames.at(-1)).toMatchObject({ event: "session-ended" });
      // The server ends the stream: the browser's next read says done.
      await stream.until(() => stream.ended());
      expect(stream.ended()).toBe(true);
    });
  });

  it("never keeps an idle session alive: past 30 minutes without the analyst, it ends", async () => {
    const start = new Date();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"], now: start });
    try {
      const ida = await signIn("Ida Idle");
      const stream = await connect(ida);
      await stream.until(isReady);
      const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

      // 20 minutes on, only the stream has been open: the session still stands.
      vi.setSystemTime(minutes(20));
      vi.advanceTimersByTime(HEARTBEAT_MS);
      await stream.until((frames) => frames.some((frame) => frame.comment === "heartbeat"));

      // 31 minutes after the analyst's last own request: heartbeats did not move the timeout.
      vi.setSystemTime(minutes(31));
      vi.advanceTimersByTime(HEARTBEAT_MS);
      const frames = await stream.until((all) =>
        all.some((frame) => frame.event === "session-ended"),
      );
      expect(frames.at(-1)).toMatchObject({ event: "session-ended" });
      await stream.until(() => stream.ended());
      const again = await call(ida, events, apiRequest("/api/events"));
      expect(again.status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("ends when the browser goes away", async () => {
    const stream = await connect(vic);
    await stream.until(isReady);
    stream.abort();
    await stream.until(() => stream.ended());
    // A publish after the browser left must not fail for anyone else.
    await expect(
      (await getLiveBus()).publish("claim", {
        userIds: ["u-30"],
        action: "claimed",
        analyst: { id: ana.id, name: ana.name },
      }),
    ).resolves.toMatchObject({ kind: "claim" });
  });
});
