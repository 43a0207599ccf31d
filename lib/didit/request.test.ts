import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";
import type { AttemptRequest, AttemptResult } from "./attempt";
import { UpstreamError } from "./errors";
import { RateBudget } from "./rate-budget";
import { getJson, type RequestOptions, type UpstreamInfo } from "./request";
import type { Upstream } from "./upstream";

let fake: Awaited<ReturnType<typeof startFakeUpstream>>;

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function settings(overrides: Partial<Upstream> = {}): Upstream {
  return {
    baseUrl: fake.baseUrl,
    apiKey: "test-key-0123456789",
    timeoutMs: 300,
    deadlineMs: 2_000,
    rateLimitPerMinute: 540,
    writeLimitPerMinute: 270,
    sandbox: false,
    ...overrides,
  };
}

/** Calls the list endpoint and records what `onUpstream` reports. */
async function call(overrides: Partial<Upstream> = {}, options: RequestOptions = {}) {
  const reports: UpstreamInfo[] = [];
  const upstream = settings(overrides);
  const result = await getJson(new URL(`${upstream.baseUrl}/v3/users/`), "list", {
    upstream,
    budget: new RateBudget(upstream.rateLimitPerMinute),
    random: () => 0,
    onUpstream: (info) => reports.push(info),
    ...options,
  }).then(
    (body) => ({ ok: true as const, body }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { ...result, reports };
}

/**
 * Time that moves only when an attempt or a backoff says so, and a log of what happened in which
 * order: the retry and deadline logic, checked without waiting on the wall clock.
 */
function fakeTime() {
  let now = 0;
  const events: string[] = [];
  return {
    events,
    get now() {
      return now;
    },
    options(script: (request: AttemptRequest, attempt: number) => AttemptResult | "hang") {
      let attempts = 0;
      return {
        now: () => now,
        sleep: async (ms: number) => {
          events.push(`sleep ${ms}`);
          now += ms;
        },
        attempt: async (request: AttemptRequest): Promise<AttemptResult> => {
          attempts++;
          events.push(`attempt ${attempts} (timeout ${request.timeoutMs})`);
          const result = script(request, attempts);
          if (result === "hang") {
            // It never answers: the attempt's own timeout ends it.
            now += request.timeoutMs;
            return { kind: "timeout" };
          }
          return result;
        },
      } satisfies RequestOptions;
    },
    /** An answer after `ms` of the fake clock. */
    answer(ms: number, status: number): AttemptResult {
      now += ms;
      return {
        kind: "response",
        status,
        headers: new Headers({ "content-type": "application/json" }),
        text: JSON.stringify({ detail: `status ${status}` }),
      };
    },
  };
}

function errorOf(result: Awaited<ReturnType<typeof call>>): UpstreamError {
  if (result.ok) throw new Error("expected a failure");
  expect(result.error).toBeInstanceOf(UpstreamError);
  return result.error as UpstreamError;
}

/** Answers the given statuses in turn, then 200 `{ ok: true }`. */
function answerInTurn(...statuses: number[]) {
  let index = 0;
  fake.respondWith((_, res) => {
    const status = statuses[index++];
    if (status === undefined) sendJson(res, 200, { ok: true });
    else sendJson(res, status, { detail: `status ${status}` });
  });
}

describe("retries", () => {
  it("retries a 502, 503 or 504 and answers the eventual success", async () => {
    answerInTurn(503, 502);
    const result = await call();
    expect(result).toMatchObject({ ok: true, body: { ok: true } });
    expect(fake.requests).toHaveLength(3);
    expect(result.reports).toEqual([{ status: 200, durationMs: expect.any(Number), attempts: 3 }]);
  });

  it("gives up after three attempts with the last failure", async () => {
    answerInTurn(503, 503, 504, 504);
    const result = await call();
    expect(errorOf(result)).toMatchObject({ status: 502, code: "upstream_unavailable" });
    expect(errorOf(result).message).toMatch(/HTTP 504/);
    expect(fake.requests).toHaveLength(3);
    expect(result.reports).toEqual([{ status: 504, durationMs: expect.any(Number), attempts: 3 }]);
  });

  it.each([400, 401, 403, 404, 500])("sends an HTTP %s answer once", async (status) => {
    answerInTurn(status, status, status);
    const result = await call();
    expect(result.ok).toBe(false);
    expect(fake.requests).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({ status, attempts: 1 });
  });

  it("waits a jittered, growing backoff between attempts", async () => {
    const time = fakeTime();
    let index = 0;
    fake.respondWith((_, res) => {
      time.events.push("request");
      if (index++ < 2) sendJson(res, 503, { detail: "down" });
      else sendJson(res, 200, { ok: true });
    });
    // random() = 1 - ε: nearly the full 200 ms, then nearly the full 400 ms; real attempts, with
    // the waits on a fake clock.
    const { now, sleep } = time.options(() => "hang");
    const result = await call({}, { random: () => 0.999, now, sleep });
    expect(result.ok).toBe(true);
    expect(time.events).toEqual(["request", "sleep 199", "request", "sleep 399", "request"]);
  });

  it("retries a reset connection", async () => {
    let first = true;
    fake.respondWith((_, res) => {
      if (first) {
        first = false;
        res.socket?.destroy();
      } else sendJson(res, 200, { ok: true });
    });
    const result = await call();
    expect(result).toMatchObject({ ok: true, body: { ok: true } });
    expect(fake.requests).toHaveLength(2);
  });

  it("retries a refused connection, then says Didit cannot be reached", async () => {
    const closed = await startFakeUpstream();
    await closed.close();
    const result = await call({ baseUrl: closed.baseUrl });
    expect(errorOf(result)).toMatchObject({ status: 502, code: "upstream_unavailable" });
    expect(errorOf(result).message).toMatch(/Could not reach Didit/);
    expect(result.reports).toEqual([
      { status: "error", durationMs: expect.any(Number), attempts: 3 },
    ]);
  });

  it("does not retry a timed-out attempt", async () => {
    fake.respondWith(() => {
      /* never answers */
    });
    const result = await call({ timeoutMs: 200, deadlineMs: 5_000 });
    expect(errorOf(result)).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(errorOf(result).message).toBe("Didit did not answer within 200 ms. Try again shortly.");
    expect(fake.requests).toHaveLength(1);
    expect(result.reports).toEqual([
      { status: "timeout", durationMs: expect.any(Number), attempts: 1 },
    ]);
  });

  it("counts a body that stalls half-way against the attempt's timeout", async () => {
    fake.respondWith((_, res) => {
      res.writeHead(200, { "content-type": "application/json" }).write('{"count": 1, ');
    });
    const result = await call({ timeoutMs: 200 });
    expect(errorOf(result)).toMatchObject({ status: 504, code: "upstream_timeout" });
  });
});

describe("the overall deadline", () => {
  it("caps the first attempt when the deadline is shorter than the timeout", async () => {
    const time = fakeTime();
    const result = await call(
      { timeoutMs: 5_000, deadlineMs: 250 },
      time.options(() => "hang"),
    );
    expect(errorOf(result).status).toBe(504);
    expect(errorOf(result).message).toMatch(/within 250 ms, so the inbox stopped waiting/);
    expect(time.events).toEqual(["attempt 1 (timeout 250)"]);
    expect(time.now).toBe(250);
    expect(result.reports).toEqual([{ status: "timeout", durationMs: 250, attempts: 1 }]);
  });

  it("cuts a retry short at the deadline: the caller never waits longer", async () => {
    const time = fakeTime();
    // The first attempt fails slowly with a 503; the retry hangs.
    const result = await call(
      { timeoutMs: 1_500, deadlineMs: 2_000 },
      time.options((_, attempt) => (attempt === 1 ? time.answer(700, 503) : "hang")),
    );
    expect(errorOf(result)).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(errorOf(result).message).toMatch(/within 2 s, so the inbox stopped waiting/);
    // random() = 0: no backoff. The retry gets what is left of the deadline, not its full 1.5 s.
    expect(time.events).toEqual([
      "attempt 1 (timeout 1500)",
      "sleep 0",
      "attempt 2 (timeout 1300)",
    ]);
    expect(time.now).toBe(2_000);
    expect(result.reports).toEqual([{ status: "timeout", durationMs: 1_300, attempts: 2 }]);
  });

  it("does not start a retry that would only have moments before the deadline", async () => {
    const time = fakeTime();
    const result = await call(
      { timeoutMs: 300, deadlineMs: 400 },
      time.options(() => time.answer(150, 503)),
    );
    expect(errorOf(result)).toMatchObject({ status: 502 });
    expect(errorOf(result).message).toMatch(/HTTP 503/);
    // 250 ms left is less than a full 300 ms attempt: the real failure is the answer.
    expect(time.events).toEqual(["attempt 1 (timeout 300)"]);
  });

  it("still retries when enough of the deadline is left", async () => {
    const time = fakeTime();
    const result = await call(
      { timeoutMs: 300, deadlineMs: 500 },
      time.options((_, attempt) => time.answer(150, attempt === 1 ? 503 : 200)),
    );
    expect(result).toMatchObject({ ok: true, body: { detail: "status 200" } });
    expect(time.events).toEqual(["attempt 1 (timeout 300)", "sleep 0", "attempt 2 (timeout 300)"]);
  });
});

describe("rate limits", () => {
  it("passes a 429 on at once, then answers locally until its Retry-After has passed", async () => {
    fake.respondWith((_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "17" }),
    );
    let now = 0;
    const budget = new RateBudget(540, () => now);
    const first = await call({}, { budget });
    expect(errorOf(first)).toMatchObject({
      status: 429,
      code: "rate_limited",
      details: { retryAfter: 17, upstreamStatus: 429 },
    });
    expect(fake.requests).toHaveLength(1);

    now = 1_500;
    const second = await call({}, { budget });
    expect(errorOf(second)).toMatchObject({ status: 429, code: "rate_limited" });
    // What is left of the 17 s, in whole seconds rounded up.
    expect(errorOf(second).details.retryAfter).toBe(16);
    expect(fake.requests).toHaveLength(1);
    // Nothing was sent, so there is nothing to report.
    expect(second.reports).toEqual([]);

    now = 17_000;
    answerInTurn();
    expect((await call({}, { budget })).ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });

  it("answers 429 without calling Didit once this instance's budget is spent", async () => {
    answerInTurn();
    const budget = new RateBudget(2);
    expect((await call({}, { budget })).ok).toBe(true);
    expect((await call({}, { budget })).ok).toBe(true);
    const third = await call({}, { budget });
    expect(errorOf(third)).toMatchObject({ status: 429, code: "rate_limited" });
    expect(errorOf(third).message).toMatch(/as many requests as it may this minute/);
    expect(errorOf(third).details.retryAfter).toBe(60);
    expect(fake.requests).toHaveLength(2);
  });

  it("counts retries against the budget and stops retrying when it is spent", async () => {
    answerInTurn(503, 503, 503);
    const result = await call({}, { budget: new RateBudget(2) });
    expect(errorOf(result).message).toMatch(/HTTP 503/);
    expect(fake.requests).toHaveLength(2);
  });
});

describe("connections", () => {
  it("refuses to follow a redirect", async () => {
    fake.respondWith((_, res) =>
      res.writeHead(302, { location: `${fake.baseUrl}/elsewhere` }).end("moved"),
    );
    const result = await call();
    expect(errorOf(result)).toMatchObject({ status: 502, code: "upstream_invalid" });
    expect(fake.requests.map((r) => r.url.pathname)).toEqual(["/v3/users/"]);
  });

  it("keeps reusing its connections, whatever the answer was", async () => {
    const ports = new Set<number | undefined>();
    // Bodies large enough not to arrive with the headers: left unread, each would hold its
    // connection and force a new one for the next request.
    const page = "<html>down</html>".repeat(20_000);
    const answers: [number, string][] = [
      [200, '{"ok":true}'],
      ...Array.from({ length: 4 }, (): [number, string] => [500, page]),
      [302, page],
      [400, page],
      [404, page],
      [200, "not json"],
      [200, '{"ok":true}'],
    ];
    let index = 0;
    fake.respondWith((_, res) => {
      ports.add(res.socket?.remotePort);
      const [status, body] = answers[index++] ?? [200, "{}"];
      res.writeHead(status, { "content-type": "text/plain" }).end(body);
    });
    while (index < answers.length) await call();
    // Node's pool may open a second connection while the first is being released; never more.
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it("stops at once, with the caller's own error, when the caller gives up", async () => {
    const controller = new AbortController();
    // The caller leaves once the request is with Didit, which never answers. Only the abort can
    // end this attempt: its timeout is a minute, far past the test's own.
    fake.respondWith(() => controller.abort(new Error("browser went away")));
    const result = await call(
      { timeoutMs: 60_000, deadlineMs: 60_000 },
      { signal: controller.signal },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error).toEqual(new Error("browser went away"));
    expect(fake.requests).toHaveLength(1);
  });
});

describe("whether a failed request can have reached Didit", () => {
  const refused: AttemptResult = { kind: "network", transient: true, cutOff: false, refused: true };
  const reset: AttemptResult = { kind: "network", transient: true, cutOff: false, refused: false };

  it("says never sent when every attempt was refused", async () => {
    const time = fakeTime();
    const result = await call(
      {},
      time.options(() => refused),
    );
    expect(errorOf(result)).toMatchObject({ code: "upstream_unavailable" });
    expect(errorOf(result).details.neverSent).toBe(true);
  });

  it("does not, once an earlier attempt may have been seen", async () => {
    const time = fakeTime();
    const result = await call(
      {},
      time.options((_, attempt) => (attempt === 1 ? reset : refused)),
    );
    expect(time.events.filter((event) => event.startsWith("attempt")).length).toBeGreaterThan(1);
    expect(errorOf(result).details.neverSent).toBeUndefined();
  });
});
