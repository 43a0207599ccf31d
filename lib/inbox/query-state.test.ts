import { describe, expect, it } from "vitest";
import {
  ALL_USERS,
  loadInboxQuery,
  parseUsersQuery,
  serializeUsersQuery,
  type UsersQuery,
} from "./query-state";

const everything: UsersQuery = { ...ALL_USERS };

describe("URL ⇄ filters", () => {
  it("round-trips a full view through the URL", () => {
    const view: UsersQuery = {
      status: "FLAGGED",
      search: "doe & sons/ñ",
      country: "ESP",
      created_after: "2025-01-01",
      created_before: "2025-06-30T12:00:00Z",
      last_activity_after: "2025-02-01",
      last_activity_before: "2025-03-01",
      limit: 100,
      offset: 200,
    };
    const url = serializeUsersQuery(view);
    expect(loadInboxQuery(url)).toEqual(view);
  });

  it("leaves defaults and empty filters out of the URL", () => {
    expect(serializeUsersQuery(everything)).toBe("");
    expect(serializeUsersQuery({ ...everything, status: "FLAGGED", offset: 0 })).toBe(
      "?status=FLAGGED",
    );
  });

  it("drops invalid values instead of failing", () => {
    const query = loadInboxQuery(
      "?status=NOPE&country=12&limit=999&offset=-5&created_after=yesterday&search=",
    );
    expect(query).toEqual(everything);
  });

  it("upper-cases countries", () => {
    expect(loadInboxQuery("?country=esp").country).toBe("ESP");
  });
});

describe("parseUsersQuery (the API's strict reading)", () => {
  const parse = (qs: string) => parseUsersQuery(new URLSearchParams(qs));

  it("accepts every filter with the API's names and ignores unknown ones", () => {
    const result = parse(
      "status=BLOCKED&search=x&country=usa&limit=200&offset=0&cursor=abc&page_size=3",
    );
    expect(result).toEqual({
      ok: true,
      query: { ...everything, status: "BLOCKED", search: "x", country: "USA", limit: 200 },
    });
  });

  it("names each bad field and its reason", () => {
    const result = parse(
      "status=flagged&limit=0&offset=1.5&country=SPAIN&created_before=2025-13-01&search=" +
        "x".repeat(201),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual(
      ["country", "created_before", "limit", "offset", "search", "status"].sort(),
    );
    expect(result.fields.limit).toBe("must be at least 1");
    expect(result.fields.search).toMatch(/200 characters/);
  });

  it("rejects a limit over 200 and accepts date-times with offsets", () => {
    expect(parse("limit=201")).toMatchObject({
      ok: false,
      fields: { limit: "must be at most 200" },
    });
    expect(parse("last_activity_before=2025-06-01T08:00:00%2B02:00")).toMatchObject({ ok: true });
  });
});
