import { describe, expect, it } from "vitest";
import { loadInboxQuery, serializeUsersQuery } from "./query-state";
import { QUICK_VIEWS, quickViewQuery } from "./quick-views";

const now = new Date("2026-11-27T12:00:00.000Z");
const preset = (id: string) => {
  const found = QUICK_VIEWS.find((view) => view.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("quick views", () => {
  it("are plain URLs of the inbox", () => {
    expect(serializeUsersQuery(quickViewQuery(preset("flagged"), now, 50))).toBe("?status=FLAGGED");
    expect(serializeUsersQuery(quickViewQuery(preset("blocked"), now, 100))).toBe(
      "?status=BLOCKED&limit=100",
    );
  });

  it("computes relative windows from the moment they are opened", () => {
    const idle = quickViewQuery(preset("flagged-idle"), now, 50);
    expect(idle).toMatchObject({
      status: "FLAGGED",
      last_activity_before: "2026-10-28T12:00:00.000Z",
      offset: 0,
    });
    const later = quickViewQuery(preset("flagged-idle"), new Date("2026-12-01T00:00:00Z"), 50);
    expect(later.last_activity_before).toBe("2026-11-01T00:00:00.000Z");
    expect(quickViewQuery(preset("new-this-week"), now, 50).created_after).toBe(
      "2026-11-20T12:00:00.000Z",
    );
  });

  it("survive a round trip through the URL", () => {
    for (const view of QUICK_VIEWS) {
      const query = quickViewQuery(view, now, 50);
      expect(loadInboxQuery(serializeUsersQuery(query))).toEqual(query);
    }
  });
});
