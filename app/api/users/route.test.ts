import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { sharedRateBudget } from "@/lib/didit/rate-budget";
import { ALL_USERS } from "@/lib/inbox/query-state";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

const API_KEY = "test-key-0123456789";
const RATE_LIMIT = 50;
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  process.env.DIDIT_API_KEY = API_KEY;
  // Loopback-only server without sign-in: the session checks have tests of their own.
  process.env.INBOX_AUTH = "none";
  process.env.DIDIT_API_BASE_URL = upstream.baseUrl;
  process.env.DIDIT_TIMEOUT_MS = "300";
  // No sign-in in these tests (allowed on loopback), and no access log for every call.
  process.env.INBOX_AUTH = "none";
  process.env.LOG_LEVEL = "silent";
  process.env.DIDIT_DEADLINE_MS = "2000";
  process.env.DIDIT_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
  // Each request's own path to Didit is under test here: nothing is kept between requests
  // (the shared cache has tests of its own, in route.cache.test.ts).
  process.env.DIDIT_CACHE_SECONDS = "0";
  process.env.DIDIT_COUNT_CACHE_SECONDS = "0";
  ({ GET } = await import("./route"));
});

afterAll(() => upstream.close());

beforeEach(() => {
  // The budget is per process: a cool-down or a spent budget must not leak between tests.
  sharedRateBudget(RATE_LIMIT).clear();
  upstream.requests.length = 0;
  upstream.respondWith((_, res) => sendJson(res, 200, docSample));
});

async function call(query: string) {
  const response = await GET(new NextRequest(`http://127.0.0.1:3000/api/users${query}`));
  const text = await response.text();
  return { response, text, body: JSON.parse(text) };
}

describe("GET /api/users", () => {
  it("forwards the filters with the API's names and the key header", async () => {
    upstream.respondWith((_, res) => sendJson(res, 200, { ...docSample, count: 500 }));
    const { response, body } = await call(
      "?status=FLAGGED&search=doe&country=esp&created_after=2025-01-01&last_activity_before=2025-06-01T10:00:00%2B02:00&limit=100&offset=200&unknown=1",
    );
    expect(response.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    const [request] = upstream.requests;
    expect(request?.url.pathname).toBe("/v3/users/");
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      status: "FLAGGED",
      search: "doe",
      country: "ESP",
      created_after: "2025-01-01T00:00:00.000Z",
      last_activity_before: "2025-06-01T08:00:00.000Z",
      limit: "100",
      offset: "200",
    });
    expect(body).toMatchObject({
      count: 500,
      limit: 100,
      offset: 200,
      hasNext: false,
      hasPrevious: true,
    });
  });

  it("answers no-store and never passes on Didit's absolute links or the key", async () => {
    upstream.respondWith((_, res) =>
      sendJson(res, 200, {
        ...docSample,
        count: 500,
        next: "https://evil.example/v3/users/?limit=50&offset=50",
        previous: null,
      }),
    );
    const { response, body, text } = await call("");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body.hasNext).toBe(true);
    expect(text).not.toContain("evil.example");
    expect(text).not.toContain(API_KEY);
    // The link is read, never followed.
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers 400 naming the field, and sends nothing upstream, for a bad filter", async () => {
    const { response, body } = await call("?limit=500&country=Spain");
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.fields).toEqual({
      limit: "must be at most 200",
      country: expect.stringMatching(/three-letter/),
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    [
      401,
      { detail: "Invalid or missing API key" },
      502,
      "upstream_auth",
      /rejected the API key/,
      1,
    ],
    [
      403,
      { detail: "You do not have permission" },
      502,
      "upstream_auth",
      /rejected the API key/,
      1,
    ],
    [500, "<html>boom</html>", 502, "upstream_unavailable", /HTTP 500/, 1],
    // Passing failures are retried twice before the answer.
    [503, { detail: "down" }, 502, "upstream_unavailable", /HTTP 503/, 3],
  ])(
    "maps upstream HTTP %s to the right answer",
    async (status, payload, expected, code, message, attempts) => {
      upstream.respondWith((_, res) =>
        typeof payload === "string"
          ? res.writeHead(status, { "content-type": "text/html" }).end(payload)
          : sendJson(res, status, payload),
      );
      const { response, body } = await call("");
      expect(response.status).toBe(expected);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(upstream.requests).toHaveLength(attempts);
    },
  );

  it("passes a 429 on with its Retry-After, then holds back until it has passed", async () => {
    upstream.respondWith((_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "17" }),
    );
    const { response, body } = await call("");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfter: 17 });
    expect(upstream.requests).toHaveLength(1);

    upstream.respondWith((_, res) => sendJson(res, 200, docSample));
    const again = await call("?status=ACTIVE");
    expect(again.response.status).toBe(429);
    // What is left of Didit's 17 s, however long the first call took on a busy machine.
    const left = Number(again.response.headers.get("retry-after"));
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(17);
    expect(again.body.error.code).toBe("rate_limited");
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers 429 itself, without calling Didit, once this instance's budget is spent", async () => {
    const budget = sharedRateBudget(RATE_LIMIT);
    for (let i = 0; i < RATE_LIMIT - 1; i++) budget.take();
    expect((await call("")).response.status).toBe(200);
    const { response, body } = await call("");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfter: 60 });
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers 502 for malformed JSON and for a record it cannot read", async () => {
    upstream.respondWith((_, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end("{not json"),
    );
    expect((await call("")).response.status).toBe(502);

    upstream.respondWith((_, res) =>
      sendJson(res, 200, {
        ...docSample,
        results: [{ ...docSample.results[0], didit_internal_id: 7 }],
      }),
    );
    const { response, body } = await call("");
    expect(response.status).toBe(502);
    expect(body.error.message).toMatch(/cannot read \(at results\.0\.didit_internal_id\)/);
  });

  it("answers 504 when Didit does not answer in time", async () => {
    upstream.respondWith(() => {
      /* never answers */
    });
    const { response, body } = await call("");
    expect(response.status).toBe(504);
    expect(body.error.code).toBe("upstream_timeout");
    expect(body.error.message).toMatch(/did not answer within 300 ms/);
    // A timed-out attempt is not retried (lib/didit/retry-policy.ts says why).
    expect(upstream.requests).toHaveLength(1);
  });

  it("refuses to follow a redirect", async () => {
    upstream.respondWith((_, res) => res.writeHead(302, { location: "http://127.0.0.2/" }).end());
    const { response, body } = await call("");
    expect(response.status).toBe(502);
    expect(body.error.code).toBe("upstream_invalid");
    expect(body.error.message).toMatch(/redirect \(HTTP 302\)/);
    expect(upstream.requests).toHaveLength(1);
  });

  it("answers 502 when Didit cannot be reached", async () => {
    const closed = await startFakeUpstream();
    await closed.close();
    process.env.DIDIT_API_BASE_URL = closed.baseUrl;
    const { listUsers } = await import("@/lib/didit/client");
    await expect(
      listUsers(
        { ...ALL_USERS },
        {
          upstream: {
            baseUrl: closed.baseUrl,
            apiKey: API_KEY,
            timeoutMs: 1000,
            deadlineMs: 2000,
            rateLimitPerMinute: RATE_LIMIT,
            writeLimitPerMinute: 270,
            sandbox: false,
          },
        },
      ),
    ).rejects.toMatchObject({ status: 502, code: "upstream_unavailable" });
  });
});
