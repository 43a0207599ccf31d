import { describe, expect, it } from "vitest";
import { generateUsers } from "./dataset";
import { buildSandboxIndex, querySandbox, type SandboxQuery } from "./query";
import type { SandboxUser } from "./sandbox-user";
import { foldForSearch } from "./text-fold";

let nextId = 0;

function makeUser(overrides: Partial<SandboxUser>): SandboxUser {
  nextId += 1;
  return {
    didit_internal_id: `00000000-0000-4000-8000-${String(nextId).padStart(12, "0")}`,
    vendor_data: `vendor-${nextId}`,
    display_name: null,
    full_name: null,
    date_of_birth: null,
    effective_name: `vendor-${nextId}`,
    status: "ACTIVE",
    portrait_image_url: null,
    session_count: 1,
    approved_count: 1,
    declined_count: 0,
    in_review_count: 0,
    issuing_states: {},
    approved_emails: {},
    approved_phones: {},
    features: {},
    features_list: [],
    last_session_at: "2026-01-01T00:00:00Z",
    first_session_at: "2026-01-01T00:00:00Z",
    tags: [],
    created_at: "2026-01-01T00:00:00Z",
    ...overrides,
  };
}

const page = { limit: 200, offset: 0 };

function vendorDataOf(users: readonly SandboxUser[]): (string | null)[] {
  return users.map((user) => user.vendor_data);
}

function run(users: SandboxUser[], query: Partial<SandboxQuery>): (string | null)[] {
  return vendorDataOf(querySandbox(buildSandboxIndex(users), { ...page, ...query }).results);
}

describe("buildSandboxIndex order", () => {
  it("lists newest created_at first, ties broken by didit_internal_id", () => {
    const users = [
      makeUser({ vendor_data: "old", created_at: "2025-01-01T00:00:00Z" }),
      makeUser({
        vendor_data: "tie-b",
        didit_internal_id: "b",
        created_at: "2026-03-01T00:00:00Z",
      }),
      makeUser({ vendor_data: "new", created_at: "2026-05-01T00:00:00Z" }),
      makeUser({
        vendor_data: "tie-a",
        didit_internal_id: "a",
        created_at: "2026-03-01T00:00:00Z",
      }),
    ];
    expect(run(users, {})).toEqual(["new", "tie-a", "tie-b", "old"]);
  });
});

describe("querySandbox filters", () => {
  it("filters by status", () => {
    const users = [
      makeUser({ vendor_data: "a", status: "ACTIVE" }),
      makeUser({ vendor_data: "f", status: "FLAGGED" }),
      makeUser({ vendor_data: "b", status: "BLOCKED" }),
    ];
    expect(run(users, { status: "FLAGGED" })).toEqual(["f"]);
    expect(run(users, { status: "BLOCKED" })).toEqual(["b"]);
  });

  it("searches vendor_data, names, emails and phones in either shape, ignoring case and accents", () => {
    const users = [
      makeUser({ vendor_data: "ACME-42" }),
      makeUser({ vendor_data: "dn", display_name: "Zoë L." }),
      makeUser({ vendor_data: "fn", full_name: "José Núñez" }),
      makeUser({ vendor_data: "em", approved_emails: { "Pat@Example.com": true } }),
      makeUser({ vendor_data: "em-list", approved_emails: ["pat.list@example.org"] }),
      makeUser({ vendor_data: "ph", approved_phones: { "+15550001111": true } }),
      makeUser({ vendor_data: "ph-list", approved_phones: ["+15550002222"] }),
      makeUser({ vendor_data: "gr", full_name: "Γιώργος Παπαδόπουλος" }),
      makeUser({ vendor_data: "pl", full_name: "Łukasz Groß" }),
    ];
    expect(run(users, { search: "acme" })).toEqual(["ACME-42"]);
    expect(run(users, { search: "ZOE" })).toEqual(["dn"]);
    expect(run(users, { search: "jose nunez" })).toEqual(["fn"]);
    expect(run(users, { search: "Núñez" })).toEqual(["fn"]);
    expect(run(users, { search: "pat" }).sort()).toEqual(["em", "em-list"]);
    expect(run(users, { search: "+1555000" }).sort()).toEqual(["ph", "ph-list"]);
    expect(run(users, { search: "γιωργος" })).toEqual(["gr"]);
    expect(run(users, { search: "LUKASZ GROSS" })).toEqual(["pl"]);
    expect(run(users, { search: "łukasz groß" })).toEqual(["pl"]);
    expect(run(users, { search: "  acme-4  " })).toEqual(["ACME-42"]);
    expect(run(users, { search: "   " })).toHaveLength(users.length);
    expect(run(users, { search: "nobody" })).toEqual([]);
  });

  it("never matches across two fields", () => {
    const users = [makeUser({ vendor_data: "abc", display_name: "def" })];
    expect(run(users, { search: "cd" })).toEqual([]);
  });

  it("filters by issuing country in either shape", () => {
    const users = [
      makeUser({ vendor_data: "map", issuing_states: { ESP: 2, FRA: 1 } }),
      makeUser({ vendor_data: "list", issuing_states: ["ESP"] }),
      makeUser({ vendor_data: "none", issuing_states: {} }),
      makeUser({ vendor_data: "usa", issuing_states: { USA: 1 } }),
    ];
    expect(run(users, { country: "ESP" }).sort()).toEqual(["list", "map"]);
    expect(run(users, { country: "FRA" })).toEqual(["map"]);
    expect(run(users, { country: "DEU" })).toEqual([]);
  });

  it("bounds created_at with an inclusive after and an exclusive before", () => {
    const users = ["2026-01-01", "2026-01-02", "2026-01-03"].map((day) =>
      makeUser({ vendor_data: day, created_at: `${day}T00:00:00Z` }),
    );
    const jan2 = Date.UTC(2026, 0, 2);
    expect(run(users, { createdAfter: jan2 })).toEqual(["2026-01-03", "2026-01-02"]);
    expect(run(users, { createdBefore: jan2 })).toEqual(["2026-01-01"]);
    expect(run(users, { createdAfter: jan2, createdBefore: jan2 + 1 })).toEqual(["2026-01-02"]);
    expect(run(users, { createdAfter: jan2 + 1, createdBefore: jan2 })).toEqual([]);
  });

  it("bounds last activity, preferring last_activity_at and excluding users never active", () => {
    const users = [
      makeUser({ vendor_data: "session", last_session_at: "2026-02-01T00:00:00Z" }),
      makeUser({
        vendor_data: "activity",
        last_session_at: "2025-01-01T00:00:00Z",
        last_activity_at: "2026-03-01T00:00:00Z",
      }),
      makeUser({
        vendor_data: "null-activity",
        last_session_at: "2026-02-15T00:00:00Z",
        last_activity_at: null,
      }),
      makeUser({
        vendor_data: "never",
        last_session_at: null,
        first_session_at: null,
        session_count: 0,
      }),
    ];
    const feb1 = Date.UTC(2026, 1, 1);
    const mar1 = Date.UTC(2026, 2, 1);
    expect(run(users, { lastActivityAfter: feb1 }).sort()).toEqual([
      "activity",
      "null-activity",
      "session",
    ]);
    expect(run(users, { lastActivityAfter: mar1 })).toEqual(["activity"]);
    expect(run(users, { lastActivityBefore: mar1 }).sort()).toEqual(["null-activity", "session"]);
    expect(run(users, { lastActivityBefore: Date.UTC(2030, 0, 1) })).not.toContain("never");
    expect(run(users, {})).toContain("never");
  });

  it("pages with limit and offset while counting every match", () => {
    const users = Array.from({ length: 7 }, (_, i) =>
      makeUser({ vendor_data: `u${i}`, created_at: `2026-01-0${i + 1}T00:00:00Z` }),
    );
    const index = buildSandboxIndex(users);
    const second = querySandbox(index, { limit: 3, offset: 3 });
    expect(second.count).toBe(7);
    expect(vendorDataOf(second.results)).toEqual(["u3", "u2", "u1"]);
    const last = querySandbox(index, { limit: 3, offset: 6 });
    expect(vendorDataOf(last.results)).toEqual(["u0"]);
    expect(querySandbox(index, { limit: 3, offset: 50 })).toEqual({ count: 7, results: [] });
  });

  it("takes the reference time it is given, else the newest timestamp in the records", () => {
    const users = [
      makeUser({ created_at: "2026-01-01T00:00:00Z", last_session_at: "2026-02-01T00:00:00Z" }),
      makeUser({ created_at: "2026-01-05T00:00:00Z", last_activity_at: "2026-03-01T00:00:00Z" }),
    ];
    expect(buildSandboxIndex(users).referenceTime).toBe(Date.UTC(2026, 2, 1));
    const referenceTime = Date.UTC(2026, 5, 1);
    expect(buildSandboxIndex(users, { referenceTime }).referenceTime).toBe(referenceTime);
  });

  it("indexes users by vendor_data, skipping null ones", () => {
    const users = [makeUser({ vendor_data: "x" }), makeUser({ vendor_data: null })];
    const index = buildSandboxIndex(users);
    expect(index.byVendorData.get("x")).toBe(users[0]);
    expect(index.byVendorData.size).toBe(1);
  });
});

// Query speed is measured by `npm run bench` (bench/sandbox-queries.ts), not asserted here: a
// timing threshold fails on a busy machine without anything being wrong.
describe("querySandbox over the generated dataset", () => {
  const referenceTime = Date.UTC(2026, 11, 2);
  const users = generateUsers(3000, { referenceTime });
  const index = buildSandboxIndex(users, { referenceTime });

  // A deliberately naive re-implementation of the filters, to check the optimised scan against.
  function reference(query: SandboxQuery): SandboxUser[] {
    const needle = foldForSearch((query.search ?? "").trim());
    const ms = (text: string | null | undefined) => (text ? Date.parse(text) : Number.NaN);
    return index.users.filter((user) => {
      const created = ms(user.created_at);
      const activity = ms(user.last_activity_at ?? user.last_session_at);
      const countries = Array.isArray(user.issuing_states)
        ? user.issuing_states
        : Object.keys(user.issuing_states);
      const fields = [user.vendor_data, user.display_name, user.full_name]
        .concat(
          Array.isArray(user.approved_emails)
            ? user.approved_emails
            : Object.keys(user.approved_emails),
        )
        .concat(
          Array.isArray(user.approved_phones)
            ? user.approved_phones
            : Object.keys(user.approved_phones),
        );
      const activityBounded =
        query.lastActivityAfter !== undefined || query.lastActivityBefore !== undefined;
      return (
        (query.status === undefined || user.status === query.status) &&
        (query.country === undefined || countries.includes(query.country)) &&
        (query.createdAfter === undefined || created >= query.createdAfter) &&
        (query.createdBefore === undefined || created < query.createdBefore) &&
        (!activityBounded ||
          (activity >= (query.lastActivityAfter ?? -Infinity) &&
            activity < (query.lastActivityBefore ?? Infinity))) &&
        (needle === "" ||
          fields.some((field) => field !== null && foldForSearch(field).includes(needle)))
      );
    });
  }

  it("agrees with a naive filter on combined queries", () => {
    const queries: SandboxQuery[] = [
      { limit: 50, offset: 0 },
      { status: "FLAGGED", search: "ma", limit: 20, offset: 10 },
      { status: "ACTIVE", country: "ESP", limit: 200, offset: 0 },
      { search: "example.org", createdAfter: Date.UTC(2026, 0, 1), limit: 5, offset: 3 },
      {
        createdAfter: Date.UTC(2025, 5, 1),
        createdBefore: Date.UTC(2025, 8, 1),
        limit: 200,
        offset: 0,
      },
      { lastActivityBefore: Date.UTC(2026, 5, 1), status: "BLOCKED", limit: 200, offset: 0 },
      { lastActivityAfter: Date.UTC(2026, 8, 1), search: "+1555", limit: 30, offset: 0 },
      { search: "шевченко", limit: 200, offset: 0 },
      { search: "MULLER", country: "DEU", limit: 200, offset: 0 },
    ];
    for (const query of queries) {
      const expected = reference(query);
      const actual = querySandbox(index, query);
      expect(actual.count, JSON.stringify(query)).toBe(expected.length);
      expect(actual.results).toEqual(expected.slice(query.offset, query.offset + query.limit));
    }
    expect(
      reference({ search: "muller", country: "DEU", limit: 1, offset: 0 }).length,
    ).toBeGreaterThan(0);
  });
});
