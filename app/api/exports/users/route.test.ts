import type { ServerResponse } from "node:http";
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateBudget, sharedRateBudget } from "@/lib/didit/rate-budget";
import { CSV_COLUMNS } from "@/lib/export/csv-row";
import { CsvRecordCounter } from "@/lib/export/csv-row-counter";
import { exportGate } from "@/lib/export/export-gate";
import { toHeaders } from "@/lib/http/node-headers";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { ALL_USERS } from "@/lib/inbox/query-state";
import { resetProcessSingleton } from "@/lib/runtime/process-singleton";
import { generateUsers } from "@/lib/sandbox/dataset";
import { handleSandboxRequest } from "@/lib/sandbox/handler";
import { buildSandboxIndex, type SandboxIndex } from "@/lib/sandbox/query";
import { type RecordedRequest, sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

const API_KEY = "test-key-0123456789";
const RATE_LIMIT = 600;
const ALL: UsersQuery = { ...ALL_USERS };

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let GET: (request: NextRequest) => Promise<Response>;
let usersCsvResponse: typeof import("@/lib/export/users-csv-response").usersCsvResponse;
const index = buildSandboxIndex(generateUsers(1000));

/** Didit, as the sandbox plays it, over `users`. */
async function serveSandbox(users: SandboxIndex, request: RecordedRequest, res: ServerResponse) {
  const response = handleSandboxRequest(
    new Request(request.url, { headers: toHeaders(request.headers) }),
    {
      apiKey: API_KEY,
      users,
    },
  );
  const text = await response.text();
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(text);
}

function sandbox(users: SandboxIndex) {
  return (request: RecordedRequest, res: ServerResponse) => void serveSandbox(users, request, res);
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  process.env.DIDIT_API_KEY = API_KEY;
  process.env.DIDIT_API_BASE_URL = upstream.baseUrl;
  // No sign-in in these tests (allowed on loopback), and no access log for every call.
  process.env.INBOX_AUTH = "none";
  process.env.LOG_LEVEL = "silent";
  process.env.DIDIT_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
  ({ GET } = await import("./route"));
  ({ usersCsvResponse } = await import("@/lib/export/users-csv-response"));
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  resetProcessSingleton("export-gate");
  sharedRateBudget(RATE_LIMIT).clear();
  upstream.requests.length = 0;
  upstream.respondWith(sandbox(index));
});

function exportRequest(query: string, init: { signal?: AbortSignal } = {}) {
  return new NextRequest(`http://127.0.0.1:3000/api/exports/users${query}`, init);
}

function records(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: "\r\n" }) as string[][];
}

function column(rows: string[][], name: (typeof CSV_COLUMNS)[number]): string[] {
  const at = CSV_COLUMNS.indexOf(name);
  return rows.slice(1).map((row) => row[at] ?? "");
}

function utcDay() {
  return new Date().toISOString().slice(0, 10);
}

describe("GET /api/exports/users", () => {
  it("exports every user of the view across pages, as CSV that parses back", async () => {
    const expected = index.users.filter((user) => user.status === "ACTIVE");
    expect(expected.length).toBeGreaterThan(600);
    expect(expected.length % 200).not.toBe(0);

    // The page position of the inbox (limit/offset) is ignored: the export is the whole view.
    const response = await GET(exportRequest("?status=ACTIVE&limit=10&offset=40"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="didit-users-active-${utcDay()}.csv"`,
    );
    expect(response.headers.get("x-total-count")).toBe(String(expected.length));

    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);

    const rows = records(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(expected.length + 1);
    expect(column(rows, "didit_internal_id")).toEqual(expected.map((u) => u.didit_internal_id));
    expect(new Set(column(rows, "status"))).toEqual(new Set(["ACTIVE"]));

    const pages = upstream.requests.map((r) => Object.fromEntries(r.url.searchParams));
    const offsets = Array.from({ length: Math.ceil(expected.length / 200) }, (_, i) => i * 200);
    expect(pages).toEqual(
      offsets.map((offset) => ({
        status: "ACTIVE",
        limit: "200",
        offset: String(offset),
      })),
    );
  });

  it("forwards every filter and names the file after them", async () => {
    const response = await GET(
      exportRequest(
        "?status=FLAGGED&country=esp&search=a&created_after=2020-01-01&last_activity_before=2030-01-01T00:00:00Z",
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="didit-users-flagged-esp-search-created-from-2020-01-01-active-to-2030-01-01t00-00-00z-${utcDay()}.csv"`,
    );
    const rows = records(await response.text());
    expect(rows.length - 1).toBe(Number(response.headers.get("x-total-count")));
    expect(Object.fromEntries(upstream.requests[0]?.url.searchParams ?? [])).toEqual({
      status: "FLAGGED",
      country: "ESP",
      search: "a",
      created_after: "2020-01-01T00:00:00.000Z",
      last_activity_before: "2030-01-01T00:00:00.000Z",
      limit: "200",
      offset: "0",
    });
  });

  it("does not repeat users pushed over a page boundary by newer ones", async () => {
    const dataset = generateUsers(1000);
    const newer = dataset.slice(0, 3).map((user, i) => ({
      ...user,
      didit_internal_id: `newer-${i}`,
      vendor_data: `newer-${i}`,
      created_at: "2030-01-01T00:00:00Z",
    }));
    const grown = buildSandboxIndex([...dataset, ...newer]);
    // Three users sign up right after the first page was read.
    upstream.respondWith((request, res) =>
      serveSandbox(request.url.searchParams.get("offset") === "0" ? index : grown, request, res),
    );
    const rows = records(await (await GET(exportRequest(""))).text());
    const ids = column(rows, "didit_internal_id");
    expect(ids).toHaveLength(1000);
    expect(new Set(ids)).toEqual(new Set(index.users.map((user) => user.didit_internal_id)));
  });

  it("answers 400 naming the field, and sends nothing upstream, for a bad filter", async () => {
    const response = await GET(exportRequest("?country=Spain&limit=5000"));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_query");
    // limit is not the export's concern, so it is not reported either.
    expect(Object.keys(body.error.fields)).toEqual(["country"]);
    expect(upstream.requests).toHaveLength(0);
  });

  it("exports the header alone for an empty view", async () => {
    const response = await GET(exportRequest("?search=nobody-is-called-this"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-total-count")).toBe("0");
    expect(records(await response.text())).toEqual([[...CSV_COLUMNS]]);
  });

  it("answers a JSON error with its status when the first page fails", async () => {
    upstream.respondWith((_, res) => sendJson(res, 401, { detail: "Invalid or missing API key" }));
    const response = await GET(exportRequest(""));
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect((await response.json()).error.code).toBe("upstream_auth");
  });

  it("fails the download, not quietly, when a later page fails", async () => {
    upstream.respondWith((request, res) =>
      request.url.searchParams.get("offset") === "400"
        ? res.writeHead(500, { "content-type": "text/html" }).end("<html>boom</html>")
        : void serveSandbox(index, request, res),
    );
    const response = await GET(exportRequest(""));
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const failure = await (async () => {
      for (;;) {
        const { done, value } = (await reader?.read()) ?? { done: true };
        if (done) return null;
        received += decoder.decode(value, { stream: true });
      }
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "upstream_unavailable" });
    // The rows before the failure did arrive; the file just does not end as if complete.
    expect(records(received)).toHaveLength(401);
  });

  it("stops asking Didit once the client goes away", async () => {
    const client = new AbortController();
    const response = await GET(exportRequest("", { signal: client.signal }));
    const reader = response.body?.getReader();
    await reader?.read();
    client.abort();
    // Resolves once the export has wound down (its page walk returned), so nothing more can be
    // asked for afterwards: the count below is final, with no need to wait and see.
    await reader?.cancel();
    // The first page, and at most the one being read ahead when the client left: not all five.
    expect(upstream.requests.length).toBeLessThanOrEqual(2);
  });

  it("waits out the rate limit, its own and Didit's 429, instead of failing", async () => {
    let now = 0;
    const waits: number[] = [];
    let throttled = false;
    upstream.respondWith((request, res) => {
      if (request.url.searchParams.get("offset") === "600" && !throttled) {
        throttled = true;
        sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "3" });
        return;
      }
      void serveSandbox(index, request, res);
    });
    const response = await usersCsvResponse(ALL, {
      // Two requests a minute for the whole instance, on a clock that moves only when waiting.
      request: { budget: new RateBudget(2, () => now) },
      pacing: new RateBudget(1000, () => now),
      wait: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const rows = records(await response.text());
    expect(rows).toHaveLength(index.users.length + 1);
    // 0 and 200; a minute for 400; 600 meets a 429 (3 s), then the rest of the window.
    expect(waits).toEqual([60_000, 3_000, 57_000]);
  });

  it("gives up when the rate limit asks for too long a wait", async () => {
    upstream.respondWith((_, res) =>
      sendJson(res, 429, { detail: "Request was throttled." }, { "retry-after": "900" }),
    );
    const response = await GET(exportRequest(""));
    expect(response.status).toBe(429);
    expect((await response.json()).error.code).toBe("rate_limited");
    expect(upstream.requests).toHaveLength(1);
  });

  it("refuses a view larger than an export may hold", async () => {
    const response = await usersCsvResponse(ALL, { maxRows: 500 });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/1,000 users.*at most 500/);
    expect(upstream.requests).toHaveLength(1);
  });

  it("fetches a page only when the reader has taken the one before", async () => {
    // What keeps memory flat however large the view (npm run bench measures the 100,000-user
    // figure): one page read ahead of the reader, never the whole walk.
    const response = await GET(exportRequest(""));
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const counter = new CsvRecordCounter();
    const decoder = new TextDecoder();
    const ahead: number[] = [];
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      counter.push(decoder.decode(value, { stream: true }));
      // Requests made beyond the pages the reader has been given (the first chunk is the head
      // and the first page together).
      ahead.push(upstream.requests.length - chunks);
    }
    expect(counter.records).toBe(index.users.length + 1);
    expect(upstream.requests).toHaveLength(5);
    expect(chunks).toBe(5);
    expect(Math.max(...ahead)).toBeLessThanOrEqual(1);
  });
});

describe("GET /api/exports/users, limits", () => {
  it("runs two exports of one analyst at once and answers the third 429, saying why", async () => {
    const running = [await GET(exportRequest("")), await GET(exportRequest(""))];
    expect(running.map((r) => r.status)).toEqual([200, 200]);
    const refused = await GET(exportRequest(""));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    const body = await refused.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/already have 2 exports running; at most 2 may run at once/);

    // One finishes: its slot is free again.
    await running[0]?.text();
    expect(exportGate().running()).toBe(1);
    const next = await GET(exportRequest(""));
    expect(next.status).toBe(200);
    await Promise.all([running[1]?.body?.cancel(), next.body?.cancel()]);
    expect(exportGate().running()).toBe(0);
  });

  it("frees the slot when the client goes away", async () => {
    const client = new AbortController();
    const response = await GET(exportRequest("", { signal: client.signal }));
    expect(exportGate().running()).toBe(1);
    client.abort();
    expect(exportGate().running()).toBe(0);
    await response.body?.cancel();
    expect(exportGate().running()).toBe(0);
  });

  it("frees the slot when the export fails, at the first page or later", async () => {
    upstream.respondWith((_, res) => sendJson(res, 401, { detail: "Invalid or missing API key" }));
    for (let i = 0; i < 3; i++) expect((await GET(exportRequest(""))).status).toBe(502);
    expect(exportGate().running()).toBe(0);

    upstream.respondWith((request, res) =>
      request.url.searchParams.get("offset") === "200"
        ? res.writeHead(500, { "content-type": "text/html" }).end("<html>boom</html>")
        : void serveSandbox(index, request, res),
    );
    const response = await GET(exportRequest(""));
    await expect(response.text()).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(exportGate().running()).toBe(0);
  });

  it("ends the download with an error, not a hang, at its time limit", async () => {
    // Didit never answers the second page: only the time limit can end the download.
    const held: ServerResponse[] = [];
    upstream.respondWith((request, res) => {
      if (request.url.searchParams.get("offset") === "0")
        return void serveSandbox(index, request, res);
      held.push(res);
    });
    const ends: string[] = [];
    const response = await usersCsvResponse(ALL, {
      // Room for the first page on a loaded machine (it is what the 200 needs); the second page
      // never comes, so the limit ends the download however long it is.
      timeLimitMs: 2000,
      onEnd: ({ outcome }) => ends.push(outcome),
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    // Read to the end: with the page never coming, only the time limit can end it (a hang would
    // end this test at its own timeout instead).
    const failure = await (async () => {
      for (;;) if ((await reader?.read())?.done) return null;
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      name: "ExportTimeLimitError",
      message: expect.stringMatching(/time limit/),
    });
    expect(ends).toEqual(["timed_out"]);
    for (const res of held) res.destroy();
  });

  it("ends at its time limit while the reader is not reading", async () => {
    const ends: string[] = [];
    const response = await usersCsvResponse(ALL, {
      timeLimitMs: 100,
      onEnd: ({ outcome }) => ends.push(outcome),
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ends).toEqual(["timed_out"]);
    await expect(response.text()).rejects.toMatchObject({ name: "ExportTimeLimitError" });
  });
});
