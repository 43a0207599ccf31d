import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";
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
    sandbox: false,
    ...overrides,
  };
}

/** Calls the list endpoint and records what `onUpstream` reports. */
async function call(overrides: Partial<Upstream> = {}, options: RequestOptions = {}) {
  const reports: UpstreamInfo[] = [];
  const upstream = settings(overrides);
  const started = performance.now();
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
  return { ...result, reports, elapsedMs: performance.now() - started };
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
    answerInTurn(503, 503);
    // random() = 1 - ε: the full 200 ms, then the full 400 ms.
    const result = await call({}, { random: () => 0.999 });
    expect(result.ok).toBe(true);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(590);
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
    fake.respondWith(() => {
      /* never answers */
    });
    const result = await call({ timeoutMs: 5_000, deadlineMs: 250 });
    expect(errorOf(result).status).toBe(504);
    expect(errorOf(result).message).toMatch(/within 250 ms, so the inbox stopped waiting/);
    expect(result.elapsedMs).toBeLessThan(1_000);
  });

  it("cuts a retry short at the deadline: the caller never waits longer", async () => {
    let first = true;
    fake.respondWith((_, res) => {
      if (!first) return; // the retry hangs
      first = false;
      setTimeout(() => sendJson(res, 503, { detail: "slow and down" }), 700);
    });
    const result = await call({ timeoutMs: 1_500, deadlineMs: 2_000 });
    expect(errorOf(result)).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(errorOf(result).message).toMatch(/within 2 s, so the inbox stopped waiting/);
    expect(fake.requests).toHaveLength(2);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(1_950);
    expect(result.elapsedMs).toBeLessThan(2_500);
  });

  it("does not start a retry that would only have moments before the deadline", async () => {
    fake.respondWith((_, res) => {
      setTimeout(() => sendJson(res, 503, { detail: "slow and down" }), 150);
    });
    const result = await call({ timeoutMs: 300, deadlineMs: 400 });
    expect(errorOf(result)).toMatchObject({ status: 502 });
    expect(errorOf(result).message).toMatch(/HTTP 503/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("passes a 429 on at once, then answers locally until its Retry-After has passed", async () => {
    fake.respondWith((_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "17" }),
    );
    const budget = new RateBudget(540);
    const first = await call({}, { budget });
    expect(errorOf(first)).toMatchObject({
      status: 429,
      code: "rate_limited",
      details: { retryAfter: 17, upstreamStatus: 429 },
    });
    expect(fake.requests).toHaveLength(1);

    const second = await call({}, { budget });
    expect(errorOf(second)).toMatchObject({ status: 429, code: "rate_limited" });
    expect(errorOf(second).details.retryAfter).toBeGreaterThanOrEqual(16);
    expect(errorOf(second).details.retryAfter).toBeLessThanOrEqual(17);
    expect(fake.requests).toHaveLength(1);
    // Nothing was sent, so there is nothing to report.
    expect(second.reports).toEqual([]);
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
    fake.respondWith(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("browser went away")), 50);
    const result = await call({ timeoutMs: 5_000 }, { signal: controller.signal });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error).toEqual(new Error("browser went away"));
    expect(result.elapsedMs).toBeLessThan(1_000);
  });
});
