import { describe, expect, it } from "vitest";
import { portraitsValidUntil, UpstreamCache } from "./cache";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const size = () => 100;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe("UpstreamCache", () => {
  it("serves a kept answer until its time is up, then asks again", async () => {
    const time = clock();
    const cache = new UpstreamCache({ maxBytes: 10_000, now: time.now });
    let calls = 0;
    const fetch = async () => ++calls;
    expect(await cache.load("a", { ttlMs: 10_000, size }, fetch)).toBe(1);
    time.advance(9_999);
    expect(await cache.load("a", { ttlMs: 10_000, size }, fetch)).toBe(1);
    time.advance(1);
    expect(await cache.load("a", { ttlMs: 10_000, size }, fetch)).toBe(2);
    expect(cache.snapshot()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it("shares one call among identical requests in flight, and keeps errors for nobody", async () => {
    const cache = new UpstreamCache({ maxBytes: 10_000 });
    const answer = deferred<string>();
    let calls = 0;
    const fetch = () => {
      calls++;
      return answer.promise;
    };
    const waiting = Array.from({ length: 5 }, () => cache.load("a", { ttlMs: 0, size }, fetch));
    answer.reject(new Error("Didit is down"));
    for (const result of await Promise.allSettled(waiting)) {
      expect(result).toMatchObject({ status: "rejected", reason: { message: "Didit is down" } });
    }
    expect(calls).toBe(1);
    expect(cache.snapshot()).toMatchObject({ misses: 1, coalesced: 4, entries: 0 });
    // The failure was not kept: the next request asks again.
    expect(await cache.load("a", { ttlMs: 0, size }, async () => "back")).toBe("back");
  });

  it("lets one caller stop waiting without cutting the shared call short for the others", async () => {
    const cache = new UpstreamCache({ maxBytes: 10_000 });
    const answer = deferred<string>();
    const leaving = new AbortController();
    const first = cache.load(
      "a",
      { ttlMs: 1000, size, signal: leaving.signal },
      () => answer.promise,
    );
    const second = cache.load("a", { ttlMs: 1000, size }, () => Promise.resolve("not asked"));
    leaving.abort(new Error("the browser went away"));
    await expect(first).rejects.toThrow("the browser went away");
    answer.resolve("page");
    await expect(second).resolves.toBe("page");
  });

  it("aborts the shared call once every caller waiting on it has gone, and not before", async () => {
    const cache = new UpstreamCache({ maxBytes: 10_000 });
    let upstreamSignal: AbortSignal | null = null;
    const fetch = (signal: AbortSignal) => {
      upstreamSignal = signal;
      return new Promise<string>(() => {});
    };
    const ana = new AbortController();
    const ben = new AbortController();
    const first = cache.load("a", { ttlMs: 0, size, signal: ana.signal }, fetch);
    const second = cache.load("a", { ttlMs: 0, size, signal: ben.signal }, fetch);
    ana.abort(new Error("Ana left"));
    await expect(first).rejects.toThrow("Ana left");
    expect((upstreamSignal as AbortSignal | null)?.aborted).toBe(false);
    ben.abort(new Error("Ben left"));
    await expect(second).rejects.toThrow("Ben left");
    expect((upstreamSignal as AbortSignal | null)?.aborted).toBe(true);
  });

  it("forgets everything on clear, including answers still on their way", async () => {
    const cache = new UpstreamCache({ maxBytes: 10_000 });
    await cache.load("kept", { ttlMs: 60_000, size }, async () => "old");
    const answer = deferred<string>();
    const pending = cache.load("late", { ttlMs: 60_000, size }, () => answer.promise);
    cache.clear();
    answer.resolve("from before the change");
    expect(await pending).toBe("from before the change");
    expect(await cache.load("kept", { ttlMs: 60_000, size }, async () => "new")).toBe("new");
    expect(await cache.load("late", { ttlMs: 60_000, size }, async () => "fresh")).toBe("fresh");
  });

  it("stays within its byte budget, dropping the least recently used first", async () => {
    const cache = new UpstreamCache({ maxBytes: 300 });
    const put = (key: string) => cache.load(key, { ttlMs: 60_000, size }, async () => key);
    await put("a");
    await put("b");
    await put("c");
    await put("a"); // a hit: now the most recently used
    await put("d"); // over budget: b goes
    expect(cache.snapshot()).toMatchObject({ entries: 3, bytes: 300 });
    let asked = false;
    await cache.load("b", { ttlMs: 60_000, size }, async () => {
      asked = true;
      return "b";
    });
    expect(asked).toBe(true);
    // Larger than the whole budget: served, never kept.
    await cache.load("huge", { ttlMs: 60_000, size: () => 301 }, async () => "huge");
    expect(cache.snapshot().entries).toBe(3);
  });

  it("never keeps an answer past the moment it says it stops being valid", async () => {
    const time = clock();
    const cache = new UpstreamCache({ maxBytes: 10_000, now: time.now });
    let calls = 0;
    const load = () =>
      cache.load(
        "a",
        { ttlMs: 60_000, size, validUntil: (_value, now) => now + 5_000 },
        async () => ++calls,
      );
    await load();
    time.advance(4_999);
    expect(await load()).toBe(1);
    time.advance(1);
    expect(await load()).toBe(2);
  });
});

describe("portraitsValidUntil", () => {
  it("reads a presigned URL's date and lifetime, and takes the earliest", () => {
    const signed = (date: string, seconds: number) =>
      `https://bucket.s3.amazonaws.com/p.jpg?X-Amz-Date=${date}&X-Amz-Expires=${seconds}&X-Amz-Signature=abc`;
    expect(
      portraitsValidUntil([signed("20261203T120000Z", 3600), signed("20261203T110000Z", 3600)], 0),
    ).toBe(Date.UTC(2026, 11, 3, 12, 0, 0));
  });

  it("counts a lifetime without a date from when it was fetched, and ignores the rest", () => {
    expect(portraitsValidUntil(["https://x.example/p.jpg?X-Amz-Expires=60"], 1000)).toBe(61_000);
    expect(portraitsValidUntil([null, "", "not a url", "https://x.example/p.jpg"], 1000)).toBe(
      null,
    );
  });
});
