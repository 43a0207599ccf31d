import { beforeEach, describe, expect, it, vi } from "vitest";
import { upstreamUserDetailExtrasSchema, upstreamUserSchema } from "../didit/schema";
import { generateUsers } from "./dataset";
import {
  handleSandboxRequest,
  type SandboxHandlerOptions,
  type SandboxStatusChange,
  serveSandboxRequest,
} from "./handler";
import { toWireTimestamp } from "./iso-time";
import { buildSandboxIndex, type SandboxIndex } from "./query";
import { createSandboxRateLimiter } from "./rate-limit";
import {
  SANDBOX_STATUSES,
  type SandboxStatus,
  type SandboxUser,
  type SandboxUserDetail,
} from "./sandbox-user";

const KEY = "test-key";
const BASE = "http://sandbox.test/sandbox/v3/users/";
const REFERENCE_TIME = Date.UTC(2026, 11, 2);
const START = REFERENCE_TIME + 9 * 3_600_000;

interface ListBody {
  count: number;
  next: string | null;
  results: SandboxUser[];
}

// Each test gets its own dataset, limiter and clock: writes edit the index in place.
let index: SandboxIndex;
let clock: number;
let changes: SandboxStatusChange[];
let options: SandboxHandlerOptions;

beforeEach(() => {
  index = buildSandboxIndex(generateUsers(180, { referenceTime: REFERENCE_TIME }), {
    referenceTime: REFERENCE_TIME,
  });
  clock = START;
  changes = [];
  options = {
    apiKey: KEY,
    users: index,
    rateLimiter: createSandboxRateLimiter(),
    now: () => clock,
    onStatusChanged: (change) => changes.push(change),
  };
});

function userWith(status: SandboxStatus, skip = 0): SandboxUser {
  const user = index.users.filter((u) => u.status === status && u.vendor_data !== null)[skip];
  if (user === undefined) throw new Error(`no ${status} user`);
  return user;
}

function pathOf(user: SandboxUser): string {
  return `${BASE}${encodeURIComponent(user.vendor_data ?? "")}/`;
}

function patch(
  user: SandboxUser | string,
  body: unknown,
  init: { contentType?: string; key?: string | null; raw?: boolean } = {},
): Promise<Response> {
  const url = typeof user === "string" ? user : `${pathOf(user)}update-status/`;
  const headers = new Headers({ "content-type": init.contentType ?? "application/json" });
  const key = init.key === undefined ? KEY : init.key;
  if (key !== null) headers.set("x-api-key", key);
  const text = init.raw ? String(body) : JSON.stringify(body);
  return serveSandboxRequest(new Request(url, { method: "PATCH", headers, body: text }), options);
}

function get(url: string): Response {
  return handleSandboxRequest(new Request(url, { headers: { "x-api-key": KEY } }), options);
}

async function detail(user: SandboxUser): Promise<SandboxUserDetail> {
  const response = get(pathOf(user));
  expect(response.status).toBe(200);
  return (await response.json()) as SandboxUserDetail;
}

async function listAll(query: string): Promise<ListBody> {
  const response = get(`${BASE}?limit=200&${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as ListBody;
  // The datasets here fit one page, so one request sees every match.
  expect(body.next).toBeNull();
  return body;
}

async function countOf(status: SandboxStatus): Promise<number> {
  return ((await get(`${BASE}?limit=1&status=${status}`).json()) as ListBody).count;
}

describe("PATCH update-status: validation", () => {
  it.each([
    [{ status: "X" }, { status: ['"X" is not a valid choice.'] }],
    [{ status: "flagged" }, { status: ['"flagged" is not a valid choice.'] }],
    [{ status: 3 }, { status: ['"3" is not a valid choice.'] }],
    [{ status: null }, { status: ["This field may not be null."] }],
    [{}, { status: ["This field is required."] }],
    [
      { status: "BLOCKED", reason: "x".repeat(1001) },
      { reason: ["Ensure this field has no more than 1000 characters."] },
    ],
    [{ status: "BLOCKED", reason: 5 }, { reason: ["Not a valid string."] }],
    [{ status: "BLOCKED", reason: null }, { reason: ["This field may not be null."] }],
    [["BLOCKED"], { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] }],
    [
      { status: "NOPE", reason: "y".repeat(2000) },
      {
        status: ['"NOPE" is not a valid choice.'],
        reason: ["Ensure this field has no more than 1000 characters."],
      },
    ],
  ])("answers 400 for %j with DRF's field errors", async (body, expected) => {
    const user = userWith("FLAGGED");
    const response = await patch(user, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expected);
    expect((await detail(user)).status).toBe("FLAGGED");
    expect(changes).toEqual([]);
  });

  it("counts the reason's length in characters, not UTF-16 units", async () => {
    const response = await patch(userWith("FLAGGED"), {
      status: "BLOCKED",
      reason: "😀".repeat(1000),
    });
    expect(response.status).toBe(200);
  });

  it("answers 400 for a body that is not JSON, and 415 for one that is not sent as JSON", async () => {
    const user = userWith("FLAGGED");
    const broken = await patch(user, '{"status": "BLOCKED"', { raw: true });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ detail: "JSON parse error - invalid JSON." });
    const form = await patch(user, "status=BLOCKED", {
      raw: true,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      detail: 'Unsupported media type "application/x-www-form-urlencoded" in request.',
    });
    const charset = await patch(
      user,
      { status: "BLOCKED" },
      {
        contentType: "application/json; charset=utf-8",
      },
    );
    expect(charset.status).toBe(200);
  });

  it("answers 404 for an unknown vendor_data, whatever the body, and for dot segments", async () => {
    const response = await patch(`${BASE}no-such-user/update-status/`, { status: "BLOCKED" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not found." });
    expect((await patch(`${BASE}no-such-user/update-status/`, { status: "X" })).status).toBe(404);
    // URL parsing resolves these away: they name another path, never a user called "." or "..".
    expect((await patch(`${BASE}%2E%2E/update-status/`, { status: "BLOCKED" })).status).toBe(404);
    // `/v3/users/update-status/`: the detail of a user called "update-status", which takes no PATCH.
    expect((await patch(`${BASE}./update-status/`, { status: "BLOCKED" })).status).toBe(405);
    expect((await patch(`${BASE}%E0%A4%A/update-status/`, { status: "BLOCKED" })).status).toBe(404);
  });

  it("answers 403 without a key and 401 with a wrong one, changing nothing", async () => {
    const user = userWith("FLAGGED");
    expect((await patch(user, { status: "BLOCKED" }, { key: null })).status).toBe(403);
    const wrong = await patch(user, { status: "BLOCKED" }, { key: "nope" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: "Invalid or missing API key" });
    expect((await detail(user)).status).toBe("FLAGGED");
  });

  it("allows only PATCH on update-status and still 405s writes to the list and detail", async () => {
    const user = userWith("FLAGGED");
    const read = get(`${pathOf(user)}update-status/`);
    expect(read.status).toBe(405);
    expect(read.headers.get("allow")).toBe("PATCH");
    expect(await read.json()).toEqual({ detail: 'Method "GET" not allowed.' });
    const onDetail = await patch(pathOf(user), { status: "BLOCKED" });
    expect(onDetail.status).toBe(405);
    expect(onDetail.headers.get("allow")).toBe("GET, HEAD");
    expect((await patch(BASE, { status: "BLOCKED" })).status).toBe(405);
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const response = await patch(userWith("FLAGGED"), {
      status: "BLOCKED",
      pad: "x".repeat(70_000),
    });
    expect(response.status).toBe(413);
  });

  it("will not take a PATCH body it was not given", () => {
    const request = new Request(`${pathOf(userWith("FLAGGED"))}update-status/`, {
      method: "PATCH",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: '{"status":"BLOCKED"}',
    });
    expect(() => handleSandboxRequest(request, options)).toThrow(/serveSandboxRequest/);
  });
});

describe("PATCH update-status: the change", () => {
  it("answers the updated detail record and shows in later detail, list and count answers", async () => {
    const user = userWith("FLAGGED");
    const before = await detail(user);
    const flagged = await countOf("FLAGGED");
    const blocked = await countOf("BLOCKED");
    const active = await countOf("ACTIVE");
    clock += 1234;

    const response = await patch(user, { status: "BLOCKED", reason: "Selfie does not match" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as SandboxUserDetail;

    expect(body).toEqual(await detail(user));
    expect(body.status).toBe("BLOCKED");
    expect(body.updated_at).toBe(toWireTimestamp(clock));
    expect(body.metadata).toEqual(before.metadata);
    const { metadata, comments, updated_at, ...row } = body;
    expect(row).toEqual({ ...JSON.parse(JSON.stringify(user)), status: "BLOCKED" });

    expect(await countOf("FLAGGED")).toBe(flagged - 1);
    expect(await countOf("BLOCKED")).toBe(blocked + 1);
    expect(await countOf("ACTIVE")).toBe(active);
    const blockedList = await listAll("status=BLOCKED");
    expect(blockedList.results.map((u) => u.vendor_data)).toContain(user.vendor_data);
    expect((await listAll("status=FLAGGED")).results.map((u) => u.vendor_data)).not.toContain(
      user.vendor_data,
    );
    const search = await listAll(`search=${encodeURIComponent(user.vendor_data ?? "")}`);
    expect(search.results.find((u) => u.vendor_data === user.vendor_data)?.status).toBe("BLOCKED");
  });

  it("appends a STATUS_CHANGED comment with the reason after the existing ones", async () => {
    const user = userWith("ACTIVE");
    const before = await detail(user);
    const response = await patch(user, { status: "FLAGGED", reason: "Odd IP pattern" });
    const body = (await response.json()) as SandboxUserDetail;
    expect(body.comments.slice(0, -1)).toEqual(before.comments);
    expect(body.comments.at(-1)).toEqual({
      action: "STATUS_CHANGED",
      comment: "Odd IP pattern",
      previous_status: "ACTIVE",
      new_status: "FLAGGED",
      created_at: toWireTimestamp(START),
    });

    clock += 60_000;
    const again = (await (await patch(user, { status: "ACTIVE" })).json()) as SandboxUserDetail;
    expect(again.comments).toHaveLength(before.comments.length + 2);
    expect(again.comments.at(-1)).toEqual({
      action: "STATUS_CHANGED",
      comment: null,
      previous_status: "FLAGGED",
      new_status: "ACTIVE",
      created_at: toWireTimestamp(clock),
    });
    expect(again.updated_at).toBe(toWireTimestamp(clock));
  });

  it("changes nothing when the status is the one the user has, and still answers 200", async () => {
    const user = userWith("BLOCKED");
    const before = await detail(user);
    const counts = await Promise.all(SANDBOX_STATUSES.map(countOf));
    clock += 3_600_000;
    const response = await patch(user, { status: "BLOCKED", reason: "again" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(before);
    expect(await detail(user)).toEqual(before);
    expect(await Promise.all(SANDBOX_STATUSES.map(countOf))).toEqual(counts);
    expect(changes).toEqual([]);

    // Also after a real change: a repeat of it adds no second entry.
    await patch(user, { status: "ACTIVE", reason: "cleared" });
    const changed = await detail(user);
    clock += 1000;
    expect(await (await patch(user, { status: "ACTIVE", reason: "cleared" })).json()).toEqual(
      changed,
    );
    expect(changes).toHaveLength(1);
  });

  it("answers a record the inbox's schema reads, the new comment included", async () => {
    const user = userWith("FLAGGED");
    const body = await (
      await patch(user, { status: "BLOCKED", reason: "Known fraud ring" })
    ).json();
    expect(upstreamUserSchema.parse(body).status).toBe("BLOCKED");
    const extras = upstreamUserDetailExtrasSchema.parse(body);
    expect(extras.comments.at(-1)).toMatchObject({ text: "Known fraud ring" });
    expect(extras.updatedAt).not.toBeNull();
  });

  it("tells onStatusChanged about each real change", async () => {
    const user = userWith("FLAGGED");
    const response = await patch(user, { status: "ACTIVE", reason: "Documents resubmitted" });
    const body = (await response.json()) as SandboxUserDetail;
    expect(changes).toEqual([
      {
        vendorData: user.vendor_data,
        previousStatus: "FLAGGED",
        newStatus: "ACTIVE",
        reason: "Documents resubmitted",
        changedAt: toWireTimestamp(START),
        user: body,
      },
    ]);
  });

  it("keeps every status filter and the unfiltered order consistent after many changes", async () => {
    const all = (await listAll("")).results;
    const targets = all.filter((u) => u.vendor_data !== null).slice(0, 100);
    for (const [i, user] of targets.entries()) {
      const status = SANDBOX_STATUSES[(i * 7) % 3] as SandboxStatus;
      expect((await patch(user, { status })).status).toBe(200);
    }
    const after = (await listAll("")).results;
    // Same users in the same order; only statuses moved.
    expect(after.map((u) => u.didit_internal_id)).toEqual(all.map((u) => u.didit_internal_id));
    for (const status of SANDBOX_STATUSES) {
      const filtered = await listAll(`status=${status}`);
      const expected = after.filter((u) => u.status === status);
      expect(filtered.count).toBe(expected.length);
      expect(filtered.results).toEqual(expected);
    }
    for (const [i, user] of targets.entries()) {
      expect((await detail(user)).status).toBe(SANDBOX_STATUSES[(i * 7) % 3]);
    }
  });

  it("leaves the records the index was built from untouched", async () => {
    const records = generateUsers(50, { referenceTime: REFERENCE_TIME });
    const snapshot = JSON.stringify(records);
    options.users = buildSandboxIndex(records, { referenceTime: REFERENCE_TIME });
    const target = records.find((u) => u.vendor_data !== null && u.status !== "BLOCKED");
    expect(target).toBeDefined();
    expect((await patch(target as SandboxUser, { status: "BLOCKED" })).status).toBe(200);
    expect(JSON.stringify(records)).toBe(snapshot);
  });
});

describe("rate limits", () => {
  const statusFor = (i: number): SandboxStatus => (i % 2 === 0 ? "ACTIVE" : "FLAGGED");

  it("answers Didit's 429 to the 301st write within 60 s, with the rate-limit headers", async () => {
    const user = userWith("FLAGGED");
    for (let i = 0; i < 300; i++) {
      expect((await patch(user, { status: statusFor(i) })).status).toBe(200);
    }
    clock += 10_000;
    const response = await patch(user, { status: "BLOCKED" });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      detail: "Request was throttled. Expected available in 50 seconds.",
    });
    expect(response.headers.get("retry-after")).toBe("50");
    expect(response.headers.get("x-ratelimit-limit")).toBe("300");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-reset")).toBe(String((START + 60_000) / 1000));
    // The throttled write did nothing, and reads are not limited by default.
    expect((await detail(user)).status).toBe(statusFor(299));
    expect(get(`${BASE}?limit=1`).status).toBe(200);
  });

  it("counts failed writes too, but not ones with a rejected key, and carries no headers otherwise", async () => {
    const user = userWith("FLAGGED");
    for (let i = 0; i < 50; i++) {
      expect((await patch(user, {}, { key: "nope" })).status).toBe(401);
    }
    for (let i = 0; i < 299; i++) {
      const response = await patch(`${BASE}no-such-user/update-status/`, { status: "BLOCKED" });
      expect(response.status).toBe(404);
      expect(response.headers.get("x-ratelimit-limit")).toBeNull();
    }
    const last = await patch(user, { status: "BLOCKED" });
    expect(last.status).toBe(200);
    expect(last.headers.get("retry-after")).toBeNull();
    expect((await patch(user, { status: "ACTIVE" })).status).toBe(429);
  });

  it("slides: each write frees its slot 60 s after it was made", async () => {
    const user = userWith("FLAGGED");
    for (let i = 0; i < 150; i++) await patch(user, { status: statusFor(i) });
    clock = START + 30_000;
    for (let i = 0; i < 150; i++) await patch(user, { status: statusFor(i) });

    clock = START + 59_999;
    const early = await patch(user, { status: "BLOCKED" });
    expect(early.status).toBe(429);
    expect(await early.json()).toEqual({
      detail: "Request was throttled. Expected available in 1 second.",
    });

    // The first 150 leave the window together; the 150 from 30 s later still count.
    clock = START + 60_000;
    for (let i = 0; i < 150; i++) {
      expect((await patch(user, { status: statusFor(i) })).status).toBe(200);
    }
    const full = await patch(user, { status: "BLOCKED" });
    expect(full.status).toBe(429);
    expect(full.headers.get("retry-after")).toBe("30");
    expect(full.headers.get("x-ratelimit-reset")).toBe(String((START + 90_000) / 1000));
    clock = START + 90_000;
    expect((await patch(user, { status: "BLOCKED" })).status).toBe(200);
  });

  it("limits GETs to 600 a minute only when configured to", async () => {
    for (let i = 0; i < 700; i++) expect(get(`${BASE}?limit=1`).status).toBe(200);

    options.rateLimiter = createSandboxRateLimiter({ readsPerMinute: 600 });
    for (let i = 0; i < 600; i++) expect(get(`${BASE}?limit=1`).status).toBe(200);
    const response = get(`${BASE}?limit=1`);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-limit")).toBe("600");
    // Reads and writes are separate windows.
    expect((await patch(userWith("FLAGGED"), { status: "BLOCKED" })).status).toBe(200);
    clock += 60_000;
    expect(get(`${BASE}?limit=1`).status).toBe(200);
  });
});

describe("the default limiter", () => {
  it("is one per process, shared by handlers that name none", async () => {
    const { getDefaultSandboxRateLimiter } = await import("./rate-limit");
    expect(getDefaultSandboxRateLimiter()).toBe(getDefaultSandboxRateLimiter());
    const take = vi.spyOn(getDefaultSandboxRateLimiter(), "take");
    handleSandboxRequest(new Request(`${BASE}?limit=1`, { headers: { "x-api-key": KEY } }), {
      apiKey: KEY,
      users: index,
      now: () => clock,
    });
    expect(take).toHaveBeenCalledWith(KEY, "read", START);
    take.mockRestore();
  });
});
