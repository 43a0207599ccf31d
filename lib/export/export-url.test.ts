import { describe, expect, it } from "vitest";
import { ALL_USERS, type UsersQuery } from "@/lib/inbox/query-state";
import { exportUrl } from "./export-url";

// A page position on purpose: the export must leave it out.
const ALL: UsersQuery = { ...ALL_USERS, limit: 100, offset: 300 };

describe("exportUrl", () => {
  it("carries the filters and leaves out the page position", () => {
    expect(exportUrl(ALL)).toBe("/api/exports/users");
    expect(exportUrl({ ...ALL, status: "FLAGGED", search: "a&b", country: "ESP" })).toBe(
      "/api/exports/users?status=FLAGGED&search=a%26b&country=ESP",
    );
  });
});
