import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sharedRateBudget } from "@/lib/didit/rate-budget";
import { type RecordedRequest, sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

const API_KEY = "test-key-0123456789";
const ORIGIN = "http://127.0.0.1:3000";
const WRITE_LIMIT = 5;
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let POST: (request: NextRequest) => Promise<Response>;
let dataDir: string;
let events: () => Promise<Array<Record<string, unknown>>>;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  dataDir = mkdtempSync(join(tmpdir(), "inbox-decisions-"));
  Object.assign(process.env, {
    DIDIT_API_KEY: API_KEY,
    INBOX_AUTH: "none",
    DIDIT_API_BASE_URL: upstream.baseUrl,
    // Generous: a busy machine must not turn Didit's answers into timeouts. The timeout test
    // waits this long once.
    DIDIT_TIMEOUT_MS: "2000",
    DIDIT_DEADLINE_MS: "6000",
    DIDIT_WRITE_LIMIT_PER_MINUTE: String(WRITE_LIMIT),
    LOG_LEVEL: "silent",
    INBOX_DATA_DIR: dataDir,
  });
  ({ POST } = await import("./route"));
  const database = await import("@/lib/db/database");
  const { auditEvents } = await import("@/lib/db/schema");
  closeDatabase = database.closeDatabase;
  events = async () => {
    const { db } = await database.getDatabase();
    return (await db.select().from(auditEvents).orderBy(auditEvents.id)) as never;
  };
});

afterAll(async () => {
  await closeDatabase();
  await upstream.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  sharedRateBudget(WRITE_LIMIT, "write").clear();
  upstream.requests.length = 0;
  upstream.respondWith((request, res) =>
    sendJson(res, 200, { ...JSON.parse(request.body || "{}"), vendor_data: "x" }),
  );
});

function decision(body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(`${ORIGIN}/api/decisions`, {
    method: "POST",
    headers: {
      host: "127.0.0.1:3000",
      origin: ORIGIN,
      "content-type": "application/json",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function call(body: unknown, headers?: Record<string, string>) {
  const response = await POST(decision(body, headers));
  return { response, body: (await response.json()) as Record<string, unknown> };
}

const user = (n: number) => ({ id: `id-${n}`, vendorData: `user-${n}`, status: "FLAGGED" });
const valid = { users: [user(1)], status: "ACTIVE", reason: "Document verified manually" };
const patches = () => upstream.requests.filter((request) => request.method === "PATCH");

describe("POST /api/decisions: validation", () => {
  it.each([
    [{ ...valid, reason: "  " }, "reason"],
    [{ ...valid, reason: "no" }, "reason"],
    [{ ...valid, reason: "x".repeat(1001) }, "reason"],
    [{ ...valid, status: "DELETED" }, "status"],
    [{ ...valid, users: [] }, "users"],
    [{ ...valid, users: Array.from({ length: 201 }, (_, i) => user(i)) }, "users"],
    [{ status: "ACTIVE", reason: "A good reason" }, "users"],
  ])(
    "refuses a bad body naming the field, and sends nothing to Didit (%#)",
    async (body, field) => {
      const { response, body: answer } = await call(body);
      expect(response.status).toBe(400);
      expect(answer).toMatchObject({ error: { code: "invalid_body" } });
      expect(Object.keys((answer.error as { fields: object }).fields).join()).toContain(field);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it("accepts only JSON from this origin", async () => {
    expect((await call(valid, { "content-type": "text/plain" })).response.status).toBe(415);
    expect((await call(valid, { origin: "https://evil.example" })).response.status).toBe(403);
    expect((await call("{not json")).response.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("POST /api/decisions: Didit's answers", () => {
  it("sends the status and reason to update-status with the key, and records intent and outcome", async () => {
    const before = (await events()).length;
    const { response, body } = await call({
      ...valid,
      users: [user(1), { ...user(2), vendorData: "a b/c" }],
    });
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ summary: { done: 2, failed: 0, unknown: 0 } });
    const [first, second] = patches() as [RecordedRequest, RecordedRequest];
    expect(first.url.pathname).toBe("/v3/users/user-1/update-status/");
    expect(second.url.pathname).toBe("/v3/users/a%20b%2Fc/update-status/");
    expect(first.headers["x-api-key"]).toBe(API_KEY);
    expect(JSON.parse(first.body)).toEqual({
      status: "ACTIVE",
      reason: "Document verified manually",
    });
    const recorded = (await events()).slice(before);
    expect(recorded).toHaveLength(4);
    const intents = recorded.filter((event) => event.outcome === "pending");
    const outcomes = recorded.filter((event) => event.outcome === "done");
    expect(intents.map((event) => event.targetVendorData).sort()).toEqual(["a b/c", "user-1"]);
    expect(outcomes.map((event) => event.intentId).sort()).toEqual(
      intents.map((event) => event.id).sort(),
    );
    expect(outcomes[0]).toMatchObject({
      analystName: "Local analyst",
      authMode: "none",
      action: "status.change",
      statusBefore: "FLAGGED",
      statusAfter: "ACTIVE",
      reason: "Document verified manually",
      outcomeCode: "200",
    });
  });

  it.each([
    [400, { reason: ["Ensure this field has no more than 1000 characters."] }, "failed", "400"],
    [401, { detail: "Invalid or missing API key" }, "failed", "401"],
    [403, { detail: "You do not have permission to perform this action." }, "failed", "403"],
    [404, { detail: "Not found." }, "failed", "404"],
    [500, { detail: "boom" }, "failed", "500"],
    [503, { detail: "unavailable" }, "failed", "503"],
  ])("reports Didit's %i as the user's outcome", async (status, answer, outcome, code) => {
    upstream.respondWith((_, res) => sendJson(res, status, answer));
    const { body } = await call(valid);
    expect(body.results).toEqual([
      expect.objectContaining({ id: "id-1", outcome, code, status: null }),
    ]);
    const last = (await events()).at(-1);
    expect(last).toMatchObject({ outcome, outcomeCode: code });
  });

  it("reports a 429 with its Retry-After, and sends nothing more until it passes", async () => {
    upstream.respondWith((_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "42" }),
    );
    const { body } = await call({ ...valid, users: [user(1)] });
    expect(body.results).toEqual([expect.objectContaining({ outcome: "failed", code: "429" })]);
    expect((body.results as Array<{ message: string }>)[0]?.message).toMatch(/42 s/);
    upstream.respondWith((_, res) => sendJson(res, 200, {}));
    const again = await call({ ...valid, users: [user(2)] });
    expect(again.body.results).toEqual([
      expect.objectContaining({ outcome: "failed", code: "rate_limited" }),
    ]);
    expect(patches()).toHaveLength(1);
  });

  it("calls a timeout unknown, since the change may have been made", async () => {
    upstream.respondWith(() => undefined);
    const timedOut = await call(valid);
    expect(timedOut.body.results).toEqual([expect.objectContaining({ outcome: "unknown" })]);
    expect((await events()).at(-1)).toMatchObject({ outcome: "unknown" });
  });

  it("calls a connection Didit drops unknown too", async () => {
    upstream.respondWith((_, res) => res.socket?.destroy());
    const { body } = await call(valid);
    expect(body.results).toEqual([expect.objectContaining({ outcome: "unknown" })]);
  });

  it("fails a user without vendor data without asking Didit", async () => {
    const { body } = await call({ ...valid, users: [{ id: "id-9", vendorData: null }] });
    expect(body.results).toEqual([
      expect.objectContaining({ outcome: "failed", code: "no_vendor_data" }),
    ]);
    expect(patches()).toHaveLength(0);
  });

  it("keeps to the write budget: past it, users fail with rate_limited and nothing is sent", async () => {
    const users = Array.from({ length: WRITE_LIMIT + 2 }, (_, i) => user(100 + i));
    const { body } = await call({ ...valid, users });
    expect(body).toMatchObject({ summary: { done: WRITE_LIMIT, failed: 2 } });
    expect(patches()).toHaveLength(WRITE_LIMIT);
  });
});
