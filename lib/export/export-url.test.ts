import { describe, expect, it } from "vitest";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { exportUrl } from "./export-url";

const ALL: UsersQuery = {
  status: null,
  search: null,
  country: null,
  created_after: null,
  created_before: null,
  last_activity_after: null,
  last_activity_before: null,
  limit: 100,
  offset: 300,
};

describe("exportUrl", () => {
  it("carries the filters and leaves out the page position", () => {
    expect(exportUrl(ALL)).toBe("/api/users/export");
    expect(exportUrl({ ...ALL, status: "FLAGGED", search: "a&b", country: "ESP" })).toBe(
      "/api/users/export?status=FLAGGED&search=a%26b&country=ESP",
    );
  });
});
