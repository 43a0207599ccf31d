import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { ALL_USERS } from "@/lib/inbox/query-state";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";
import { buildUserUrl, getUser, listUsers, type UpstreamInfo } from "./client";
import docSample from "./fixtures/doc-sample.json";
import { RateBudget } from "./rate-budget";
import type { Upstream } from "./upstream";

const API_KEY = "test-key-0123456789";
const [john] = docSample.results;
let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
let upstream: Upstream;

beforeAll(async () => {
  fake = await startFakeUpstream();
  upstream = {
    baseUrl: fake.baseUrl,
    apiKey: API_KEY,
    timeoutMs: 300,
    deadlineMs: 1_000,
    rateLimitPerMinute: 540,
    writeLimitPerMinute: 270,
    sandbox: false,
  };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const options = () => ({ upstream, budget: new RateBudget(540), random: () => 0 });

const detail = {
  ...john,
  metadata: { plan: "gold", signup: { source: "ads" } },
  comments: [
    {
      author: "ana@example.com",
      text: "Checked the passport.",
      created_at: "2025-06-02T09:00:00Z",
    },
    "A bare note",
    { comment: "Older shape", created_by: "bo", created_at: "not a date" },
    { text: "" },
    42,
    null,
  ],
  updated_at: "2025-06-16T11:00:00Z",
};

describe("getUser", () => {
  it("asks for one user by its vendor_data, as one encoded path segment", async () => {
    fake.respondWith((_, res) => sendJson(res, 200, detail));
    await getUser("a b/c?d#é%", options());
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.url.pathname).toBe("/v3/users/a%20b%2Fc%3Fd%23%C3%A9%25/");
    expect(request?.url.search).toBe("");
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("answers the list record plus metadata, readable comments and updatedAt", async () => {
    fake.respondWith((_, res) => sendJson(res, 200, detail));
    const user = await getUser("user-abc-123", options());
    expect(user).toMatchObject({
      id: john?.didit_internal_id,
      vendorData: "user-abc-123",
      effectiveName: "John Michael Doe",
      issuingStates: [{ country: "USA", count: 2 }],
      metadata: { plan: "gold", signup: { source: "ads" } },
      updatedAt: "2025-06-16T11:00:00.000Z",
    });
    expect(user.comments).toEqual([
      {
        author: "ana@example.com",
        text: "Checked the passport.",
        created_at: "2025-06-02T09:00:00.000Z",
      },
      { text: "A bare note" },
      { author: "bo", text: "Older shape", created_at: null },
    ]);
  });

  it("treats missing or wrongly typed extras as empty, never failing the user", async () => {
    fake.respondWith((_, res) =>
      sendJson(res, 200, { ...john, metadata: "oops", comments: { a: 1 }, updated_at: 7 }),
    );
    const user = await getUser("user-abc-123", options());
    expect(user).toMatchObject({ metadata: {}, comments: [], updatedAt: null });

    fake.respondWith((_, res) => sendJson(res, 200, john));
    expect(await getUser("user-abc-123", options())).toMatchObject({
      metadata: {},
      comments: [],
      updatedAt: null,
    });
  });

  it("answers not_found (404) when Didit has no such user", async () => {
    fake.respondWith((_, res) => sendJson(res, 404, { detail: "Not found." }));
    await expect(getUser("gone", options())).rejects.toMatchObject({
      code: "not_found",
      status: 404,
      message: "This user no longer exists in Didit.",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("answers 502 for a record it cannot read", async () => {
    fake.respondWith((_, res) => sendJson(res, 200, { ...detail, didit_internal_id: 7 }));
    await expect(getUser("user-abc-123", options())).rejects.toMatchObject({
      code: "upstream_invalid",
      status: 502,
    });
  });

  it.each(["", ".", ".."])(
    "never sends %j, which would address another path of the API",
    async (vendorData) => {
      await expect(getUser(vendorData, options())).rejects.toMatchObject({
        code: "upstream_rejected_query",
        status: 400,
        message: expect.stringContaining("cannot address"),
      });
      expect(fake.requests).toHaveLength(0);
      expect(buildUserUrl(fake.baseUrl, vendorData)).toBeNull();
    },
  );

  it("keeps the path under /v3/users/ for look-alikes of dot segments", () => {
    for (const vendorData of ["...", "%2e%2e", "./x", "../../v3"]) {
      const url = buildUserUrl("https://verification.didit.me", vendorData);
      expect(url?.pathname).toMatch(/^\/v3\/users\/[^/]+\/$/);
    }
  });
});

describe("listUsers", () => {
  const query: UsersQuery = { ...ALL_USERS };

  it("reports the last attempt's status, duration and the attempts it took", async () => {
    let calls = 0;
    fake.respondWith((_, res) =>
      calls++ === 0 ? sendJson(res, 503, { detail: "busy" }) : sendJson(res, 200, docSample),
    );
    const reports: UpstreamInfo[] = [];
    const page = await listUsers(query, { ...options(), onUpstream: (i) => reports.push(i) });
    expect(page.results).toHaveLength(2);
    expect(reports).toEqual([{ status: 200, durationMs: expect.any(Number), attempts: 2 }]);
    expect(reports[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("never fetches Didit's next link", async () => {
    fake.respondWith((_, res) =>
      sendJson(res, 200, { ...docSample, next: `${fake.baseUrl}/v3/users/?offset=50&evil=1` }),
    );
    const page = await listUsers(query, options());
    expect(page.hasNext).toBe(true);
    expect(fake.requests.map((r) => r.url.search)).toEqual(["?limit=50&offset=0"]);
  });
});
