import { describe, expect, it } from "vitest";
import type { UserStatus } from "./query-state";
import { deriveCount, derivedTab, type StatusCount } from "./status-counts";

const n = (count: number, atLeast = false): StatusCount => ({ count, atLeast });
const counts = (entries: Array<[UserStatus | null, StatusCount | undefined]>) => new Map(entries);

describe("status counts that follow from the others", () => {
  it("derives Active on the All tab and All on a status tab", () => {
    expect(derivedTab(null)).toBe("ACTIVE");
    expect(derivedTab("FLAGGED")).toBeNull();
    expect(derivedTab("ACTIVE")).toBeNull();
  });

  it("All is the sum of the three statuses, a lower bound if any is capped", () => {
    const known = counts([
      ["FLAGGED", n(773)],
      ["BLOCKED", n(244)],
      ["ACTIVE", n(3983)],
    ]);
    expect(deriveCount(null, known)).toEqual(n(5000));
    known.set("ACTIVE", n(1000, true));
    expect(deriveCount(null, known)).toEqual(n(2017, true));
  });

  it("Active is All minus the other two, but asks for itself when a count is capped", () => {
    expect(
      deriveCount(
        "ACTIVE",
        counts([
          [null, n(5000)],
          ["FLAGGED", n(773)],
          ["BLOCKED", n(244)],
        ]),
      ),
    ).toEqual(n(3983));
    expect(
      deriveCount(
        "ACTIVE",
        counts([
          [null, n(1000, true)],
          ["FLAGGED", n(773)],
          ["BLOCKED", n(244)],
        ]),
      ),
    ).toBe("fetch");
    expect(
      deriveCount(
        "ACTIVE",
        counts([
          [null, n(10)],
          ["FLAGGED", n(7)],
          ["BLOCKED", n(5)],
        ]),
      ),
    ).toBe("fetch");
  });

  it("waits while a count it needs is still loading", () => {
    expect(
      deriveCount(
        "ACTIVE",
        counts([
          [null, n(5000)],
          ["FLAGGED", n(773)],
        ]),
      ),
    ).toBeUndefined();
    expect(
      deriveCount(
        null,
        counts([
          ["FLAGGED", n(1)],
          ["BLOCKED", undefined],
        ]),
      ),
    ).toBeUndefined();
  });
});
