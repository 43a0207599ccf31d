import { describe, expect, it } from "vitest";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { ALL_USERS } from "@/lib/inbox/query-state";
import {
  asciiSlug,
  attachmentDisposition,
  exportFilename,
  filenameFromDisposition,
  viewName,
} from "./export-filename";

const ALL: UsersQuery = { ...ALL_USERS };
const NOW = new Date("2026-03-07T23:30:00Z");

describe("export file name", () => {
  it("names the view after its filters", () => {
    expect(viewName(ALL)).toBe("all");
    expect(viewName({ ...ALL, status: "FLAGGED", country: "ESP" })).toBe("flagged-esp");
    expect(
      viewName({
        ...ALL,
        status: "BLOCKED",
        created_after: "2025-01-01",
        last_activity_before: "2025-06-01T10:00:00+02:00",
      }),
    ).toBe("blocked-created-from-2025-01-01-active-to-2025-06-01t10-00-00-02-00");
  });

  it("never puts the search term in the name", () => {
    expect(viewName({ ...ALL, search: "josé@example.com" })).toBe("search");
  });

  it("is ASCII-safe", () => {
    expect(asciiSlug("Ñandú Zürich — 東京")).toBe("nandu-zurich");
  });

  it("dates the file with the UTC day", () => {
    expect(exportFilename({ ...ALL, status: "BLOCKED" }, NOW)).toBe(
      "didit-users-blocked-2026-03-07.csv",
    );
  });

  it("reads the name back from Content-Disposition", () => {
    const name = "didit-users-all-2026-03-07.csv";
    expect(filenameFromDisposition(attachmentDisposition(name))).toBe(name);
    expect(filenameFromDisposition("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(filenameFromDisposition("attachment")).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
