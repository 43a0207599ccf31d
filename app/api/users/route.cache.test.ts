import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

/**
 * The shared cache seen from the proxy: analysts asking for the same view share Didit's answer,
 * and a change (a decision, Didit's webhook, another instance's event) makes the next read fresh.
 */

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let GET: (request: NextRequest) => Promise<Response>;
let invalidateUpstreamCache: () => void;
let getLiveBus: typeof import("@/lib/live/server").getLiveBus;
let release: (() => void) | null = null;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  Object.assign(process.env, {
    DIDIT_API_KEY: "test-key-0123456789",
    DIDIT_API_BASE_URL: upstream.baseUrl,
    INBOX_AUTH: "none",
    LOG_LEVEL: "silent",
    DIDIT_CACHE_SECONDS: "10",
    DIDIT_COUNT_CACHE_SECONDS: "60",
  });
  ({ GET } = await import("./route"));
  ({ invalidateUpstreamCache } = await import("@/lib/didit/shared-cache"));
  ({ getLiveBus } = await import("@/lib/live/server"));
});

afterAll(async () => {
  await (await getLiveBus()).close();
  await upstream.close();
});

beforeEach(() => {
  invalidateUpstreamCache();
  upstream.requests.length = 0;
  release = null;
  upstream.respondWith((_, res) => sendJson(res, 200, docSample));
});

const get = (query: string) => GET(new NextRequest(`http://127.0.0.1:3000/api/users?${query}`));
const listCalls = () => upstream.requests.filter((r) => r.url.pathname === "/v3/users/").length;

describe("GET /api/users through the shared cache", () => {
  it("answers a repeated view from the kept page, and still with no-store for the browser", async () => {
    const first = await get("status=FLAGGED");
    const second = await get("status=FLAGGED");
    expect(await second.json()).toEqual(await first.json());
    expect(listCalls()).toBe(1);
    expect(second.headers.get("cache-control")).toContain("no-store");
    // Another view is another request.
    await get("status=BLOCKED");
    expect(listCalls()).toBe(2);
  });

  it("sends one request for identical views asked at the same moment", async () => {
    upstream.respondWith((_, res) => {
      release = () => sendJson(res, 200, docSample);
    });
    const answers = Promise.all(Array.from({ length: 8 }, () => get("country=ESP")));
    while (release === null) await new Promise((resolve) => setTimeout(resolve, 5));
    (release as () => void)();
    for (const answer of await answers) expect(answer.status).toBe(200);
    expect(listCalls()).toBe(1);
  });

  it("asks Didit again after a decision or a Didit webhook anywhere (the live bus)", async () => {
    await get("status=FLAGGED");
    await get("status=FLAGGED");
    expect(listCalls()).toBe(1);
    const bus = await getLiveBus();
    await bus.publish("didit", {
      userIds: [],
      action: "user.status.updated",
      analyst: { id: "didit", name: "Didit" },
      status: "BLOCKED",
    });
    await get("status=FLAGGED");
    expect(listCalls()).toBe(2);
    await bus.publish("decision", {
      userIds: ["u-1"],
      action: "decided",
      analyst: { id: "local", name: "Local analyst" },
      status: "ACTIVE",
    });
    await get("status=FLAGGED");
    expect(listCalls()).toBe(3);
    // Claims and notes change nothing Didit says.
    await bus.publish("claim", {
      userIds: ["u-1"],
      action: "claimed",
      analyst: { id: "local", name: "Local analyst" },
    });
    await get("status=FLAGGED");
    expect(listCalls()).toBe(3);
  });

  it("keeps nothing that failed", async () => {
    upstream.respondWith((_, res) => sendJson(res, 503, { detail: "Unavailable." }));
    expect((await get("search=later")).status).toBe(502);
    upstream.respondWith((_, res) => sendJson(res, 200, docSample));
    expect((await get("search=later")).status).toBe(200);
  });
});
