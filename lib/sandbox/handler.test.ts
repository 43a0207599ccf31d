import { describe, expect, it } from "vitest";
import { SANDBOX_USER_COUNT } from "./constants";
import { generateUsers } from "./dataset";
import { handleSandboxRequest } from "./handler";
import { buildSandboxIndex } from "./query";
import type { SandboxUser, SandboxUserDetail } from "./sandbox-user";

const KEY = "test-key";
const BASE = "http://sandbox.test/sandbox/v3/users/";
const REFERENCE_TIME = Date.UTC(2026, 11, 2);
const dataset = generateUsers(400, { referenceTime: REFERENCE_TIME });
const users = buildSandboxIndex(dataset, { referenceTime: REFERENCE_TIME });

interface ListBody {
  count: number;
  next: string | null;
  previous: string | null;
  results: SandboxUser[];
}

function call(url: string, init: RequestInit = {}, apiKey: string | null = KEY): Response {
  const headers = new Headers(init.headers);
  if (apiKey !== null) headers.set("x-api-key", apiKey);
  return handleSandboxRequest(new Request(url, { ...init, headers }), { apiKey: KEY, users });
}

async function list(query: string): Promise<ListBody> {
  const response = call(`${BASE}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ListBody;
}

async function errors(query: string): Promise<Record<string, string[]>> {
  const response = call(`${BASE}${query}`);
  expect(response.status).toBe(400);
  return (await response.json()) as Record<string, string[]>;
}

describe("authentication and routing", () => {
  it("answers 403 without a key and 401 with a wrong one", async () => {
    const missing = call(BASE, {}, null);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual({
      detail: "You do not have permission to perform this action.",
    });
    expect(call(BASE, {}, "").status).toBe(403);
    const wrong = call(BASE, {}, "nope");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: "Invalid or missing API key" });
    expect(call(`${BASE}${dataset[0]?.vendor_data}/`, {}, "nope").status).toBe(401);
  });

  it("allows GET only, with DRF's 405 body", async () => {
    const response = call(BASE, { method: "POST" });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ detail: 'Method "POST" not allowed.' });
    expect(call(BASE, { method: "DELETE" }).status).toBe(405);
  });

  it("answers HEAD like GET without a body", async () => {
    const response = call(BASE, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("answers 404 for paths that are not users endpoints", async () => {
    const response = call("http://sandbox.test/sandbox/v3/sessions/");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not found." });
    expect(call(`${BASE}a/update-status/`).status).toBe(404);
  });

  it("serves the list with and without the trailing slash, as JSON", async () => {
    const response = call("http://sandbox.test/sandbox/v3/users?limit=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await response.json()) as ListBody).count).toBe(400);
    expect((await list("")).count).toBe(400);
  });

  it("serves the built-in dataset when no index is given", async () => {
    const request = new Request(`${BASE}?limit=1`, { headers: { "x-api-key": "k" } });
    const body = (await handleSandboxRequest(request, { apiKey: "k" }).json()) as ListBody;
    expect(body.count).toBe(SANDBOX_USER_COUNT);
  });
});

describe("list", () => {
  it("defaults to 50 results from offset 0, newest first", async () => {
    const body = await list("");
    expect(body.results).toHaveLength(50);
    expect(body.results[0]).toEqual(users.users[0]);
    expect(body.previous).toBeNull();
    expect(body.next).toBe(`${BASE}?limit=50&offset=50`);
  });

  it("builds absolute next/previous URLs that keep the filters, DRF-style", async () => {
    const body = await list("?status=ACTIVE&limit=10&offset=25&foo=bar");
    const active = dataset.filter((user) => user.status === "ACTIVE").length;
    expect(body.count).toBe(active);
    expect(body.next).toBe(`${BASE}?foo=bar&limit=10&offset=35&status=ACTIVE`);
    expect(body.previous).toBe(`${BASE}?foo=bar&limit=10&offset=15&status=ACTIVE`);
    // A previous page that would start at or before 0 drops offset, as DRF does.
    const early = await list("?limit=10&offset=4");
    expect(early.previous).toBe(`${BASE}?limit=10`);
  });

  it("has no next link on the last page and walks every match exactly once", async () => {
    const seen: string[] = [];
    let url: string | null = `${BASE}?status=FLAGGED&limit=7`;
    let pages = 0;
    while (url !== null) {
      const response = call(url);
      const body = (await response.json()) as ListBody;
      seen.push(...body.results.map((user) => user.didit_internal_id));
      url = body.next;
      pages += 1;
    }
    const flagged = dataset.filter((user) => user.status === "FLAGGED");
    expect(seen.sort()).toEqual(flagged.map((user) => user.didit_internal_id).sort());
    expect(pages).toBe(Math.ceil(flagged.length / 7));
  });

  it("returns an empty page past the end, with an exact count", async () => {
    const body = await list("?offset=1000&limit=10");
    expect(body).toEqual({
      count: 400,
      next: null,
      previous: `${BASE}?limit=10&offset=990`,
      results: [],
    });
  });

  it("applies search, country and date filters from the query string", async () => {
    const spaniard = dataset.find(
      (user) => !Array.isArray(user.issuing_states) && "ESP" in user.issuing_states,
    );
    const esp = await list("?country=esp&limit=200");
    expect(esp.results.map((user) => user.didit_internal_id)).toContain(
      spaniard?.didit_internal_id,
    );
    expect(esp.count).toBe(
      dataset.filter((user) =>
        (Array.isArray(user.issuing_states)
          ? user.issuing_states
          : Object.keys(user.issuing_states)
        ).includes("ESP"),
      ).length,
    );
    const vendorData =
      dataset.find((user) => user.vendor_data?.startsWith("user-"))?.vendor_data ?? "";
    const found = await list(`?search=${encodeURIComponent(vendorData.toUpperCase())}`);
    expect(found.results.map((user) => user.vendor_data)).toEqual([vendorData]);
    const recent = await list("?created_after=2026-10-01&limit=200");
    expect(recent.results.every((user) => user.created_at >= "2026-10-01T00:00:00Z")).toBe(true);
    const offset = await list(
      `?created_after=${encodeURIComponent("2026-10-01T02:00:00+02:00")}&limit=200`,
    );
    expect(offset.count).toBe(recent.count);
    const active = await list("?last_activity_before=2025-01-01T00:00:00Z&limit=200");
    expect(active.results.every((user) => user.last_session_at !== null)).toBe(true);
  });

  it("ignores unknown parameters and empty values", async () => {
    const plain = await list("?limit=5");
    const noisy = await list("?limit=5&page_size=1&cursor=abc&country_code=USA&status=&search=");
    expect(noisy.results).toEqual(plain.results);
    expect(noisy.count).toBe(plain.count);
  });

  it("takes the last value of a repeated parameter, like Django", async () => {
    const body = await list("?limit=3&limit=4");
    expect(body.results).toHaveLength(4);
  });
});

describe("DRF validation errors", () => {
  it.each([
    ["?limit=201", { limit: ["Ensure this value is less than or equal to 200."] }],
    ["?limit=0", { limit: ["Ensure this value is greater than or equal to 1."] }],
    ["?limit=ten", { limit: ["A valid integer is required."] }],
    ["?offset=-1", { offset: ["Ensure this value is greater than or equal to 0."] }],
    ["?offset=1.5", { offset: ["A valid integer is required."] }],
    [
      "?status=active",
      { status: ["Select a valid choice. active is not one of the available choices."] },
    ],
    ["?created_after=yesterday", { created_after: ["Enter a valid date/time."] }],
    ["?created_before=2025-02-30", { created_before: ["Enter a valid date/time."] }],
    [
      "?last_activity_after=2025-01-01T25:00",
      { last_activity_after: ["Enter a valid date/time."] },
    ],
    ["?last_activity_before=x", { last_activity_before: ["Enter a valid date/time."] }],
    ["?country=US", { country: ["Enter a valid ISO 3166-1 alpha-3 country code."] }],
    ["?country=U5A", { country: ["Enter a valid ISO 3166-1 alpha-3 country code."] }],
  ])("rejects %s", async (query, expected) => {
    expect(await errors(query)).toEqual(expected);
  });

  it("reports every invalid field at once", async () => {
    const body = await errors("?limit=999&status=NOPE&offset=x");
    expect(Object.keys(body).sort()).toEqual(["limit", "offset", "status"]);
  });
});

describe("detail", () => {
  const withVendorData = dataset.filter((user) => user.vendor_data !== null);

  it("returns the record plus metadata, comments and updated_at", async () => {
    const user = withVendorData[0] as SandboxUser;
    const response = call(`${BASE}${encodeURIComponent(user.vendor_data ?? "")}/`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SandboxUserDetail;
    const { metadata, comments, updated_at, ...record } = body;
    expect(record).toEqual(JSON.parse(JSON.stringify(user)));
    expect(typeof metadata).toBe("object");
    expect(Array.isArray(comments)).toBe(true);
    expect(updated_at >= user.created_at).toBe(true);
    expect(Date.parse(updated_at)).toBeLessThanOrEqual(REFERENCE_TIME);
  });

  it("is deterministic and gives troubled users analyst comments", async () => {
    const flagged = withVendorData.filter((user) => user.status !== "ACTIVE").slice(0, 5);
    for (const user of flagged) {
      const url = `${BASE}${encodeURIComponent(user.vendor_data ?? "")}/`;
      const first = await call(url).text();
      expect(await call(url).text()).toBe(first);
      const body = JSON.parse(first) as SandboxUserDetail;
      expect(body.comments.length).toBeGreaterThan(0);
      for (const comment of body.comments) {
        expect(comment.created_at >= user.created_at && comment.created_at <= body.updated_at).toBe(
          true,
        );
      }
    }
  });

  it("decodes the path segment and matches case-sensitively", async () => {
    const email = withVendorData.find((user) => user.vendor_data?.includes("@"));
    expect(email).toBeDefined();
    const vendorData = email?.vendor_data ?? "";
    expect(call(`${BASE}${encodeURIComponent(vendorData)}/`).status).toBe(200);
    expect(call(`${BASE}${encodeURIComponent(vendorData)}`).status).toBe(200);
    const upper =
      withVendorData.find((user) => user.vendor_data?.startsWith("user-"))?.vendor_data ?? "";
    expect(call(`${BASE}${upper}/`).status).toBe(200);
    expect(call(`${BASE}${upper.toUpperCase()}/`).status).toBe(404);
  });

  it("answers 404 with DRF's body for unknown vendor_data", async () => {
    const response = call(`${BASE}no-such-user/`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not found." });
    expect(call(`${BASE}%E0%A4%A/`).status).toBe(404);
  });
});
