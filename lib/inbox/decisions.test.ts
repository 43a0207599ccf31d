import { describe, expect, it } from "vitest";
import * as server from "@/lib/decisions/request";
import {
  canDecide,
  decisionTargets,
  leavesView,
  MAX_USERS_PER_DECISION,
  nextAfter,
  PRESET_REASONS,
  pageSelectionState,
  REASON_MAX,
  REASON_MIN,
  reasonError,
  summaryText,
  toggleAll,
  toggleSelection,
} from "./decisions";

describe("the browser's copy of the server's limits", () => {
  it("agrees with lib/decisions/request.ts", () => {
    expect(REASON_MIN).toBe(server.REASON_MIN);
    expect(REASON_MAX).toBe(server.REASON_MAX);
    expect(MAX_USERS_PER_DECISION).toBe(server.MAX_USERS_PER_DECISION);
  });

  it("every preset reason passes the server's schema", () => {
    for (const [status, reasons] of Object.entries(PRESET_REASONS)) {
      for (const reason of reasons) {
        const parsed = server.decisionRequestSchema.safeParse({
          users: [{ id: "u1", vendorData: "v1", status: "FLAGGED" }],
          status,
          reason,
        });
        expect(parsed.success).toBe(true);
      }
    }
  });
});

describe("decisionTargets", () => {
  it("offers the other two statuses", () => {
    expect(decisionTargets("FLAGGED")).toEqual(["ACTIVE", "BLOCKED"]);
    expect(decisionTargets("ACTIVE")).toEqual(["FLAGGED", "BLOCKED"]);
    expect(decisionTargets("BLOCKED")).toEqual(["ACTIVE", "FLAGGED"]);
  });

  it("reads the status as Didit may spell it, and offers all three for an unknown one", () => {
    expect(decisionTargets(" flagged ")).toEqual(["ACTIVE", "BLOCKED"]);
    expect(decisionTargets("SUSPENDED")).toEqual(["ACTIVE", "FLAGGED", "BLOCKED"]);
  });

  it("canDecide follows it", () => {
    expect(canDecide("FLAGGED", "ACTIVE")).toBe(true);
    expect(canDecide("FLAGGED", "FLAGGED")).toBe(false);
  });
});

describe("reasonError", () => {
  it("refuses fewer than 3 characters after trimming", () => {
    expect(reasonError("")).toMatch(/at least 3/);
    expect(reasonError("  ab  ")).toMatch(/at least 3/);
    expect(reasonError(" abc ")).toBeNull();
  });

  it("refuses more than 1000", () => {
    expect(reasonError("x".repeat(1000))).toBeNull();
    expect(reasonError("x".repeat(1001))).toMatch(/1000/);
  });
});

describe("summaryText", () => {
  it("names what happened", () => {
    expect(summaryText({ done: 2, failed: 1, unknown: 0 })).toBe("2 changed · 1 failed");
    expect(summaryText({ done: 3, failed: 0, unknown: 0 })).toBe("3 changed");
    expect(summaryText({ done: 0, failed: 1, unknown: 2 })).toBe("1 failed · 2 unknown");
    expect(summaryText({ done: 0, failed: 0, unknown: 0 })).toBe("0 changed");
  });
});

describe("selection", () => {
  const ids = ["a", "b", "c", "d", "e"];

  it("a plain click toggles one row", () => {
    expect([...toggleSelection(ids, new Set(), "c", null, false)]).toEqual(["c"]);
    expect([...toggleSelection(ids, new Set(["c"]), "c", "c", false)]).toEqual([]);
  });

  it("shift-click selects from the anchor to the row, either direction", () => {
    expect([...toggleSelection(ids, new Set(["b"]), "d", "b", true)].sort()).toEqual([
      "b",
      "c",
      "d",
    ]);
    expect([...toggleSelection(ids, new Set(["d"]), "a", "d", true)].sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("shift-click on a selected row clears the range, leaving the rest", () => {
    const selected = new Set(["a", "b", "c", "d", "e"]);
    expect([...toggleSelection(ids, selected, "d", "b", true)].sort()).toEqual(["a", "e"]);
  });

  it("shift-click without an anchor on the page is a plain click", () => {
    expect([...toggleSelection(ids, new Set(), "c", null, true)]).toEqual(["c"]);
    expect([...toggleSelection(ids, new Set(), "c", "gone", true)]).toEqual(["c"]);
  });

  it("the header checkbox selects the page, or clears it when all is selected", () => {
    expect(pageSelectionState(ids, new Set())).toBe("none");
    expect(pageSelectionState(ids, new Set(["a"]))).toBe("some");
    expect(pageSelectionState(ids, new Set(ids))).toBe("all");
    expect(pageSelectionState([], new Set())).toBe("none");
    expect([...toggleAll(ids, new Set(["a"]))]).toEqual(ids);
    expect([...toggleAll(ids, new Set(ids))]).toEqual([]);
  });
});

describe("after a decision", () => {
  it("the panel moves to the next user, or closes after the last", () => {
    expect(nextAfter(["a", "b", "c"], "b")).toBe("c");
    expect(nextAfter(["a", "b", "c"], "c")).toBeNull();
    expect(nextAfter(["a", "b", "c"], "x")).toBeNull();
  });

  it("the user leaves a view filtered by another status", () => {
    expect(leavesView("FLAGGED", "ACTIVE")).toBe(true);
    expect(leavesView("FLAGGED", "FLAGGED")).toBe(false);
    expect(leavesView(null, "BLOCKED")).toBe(false);
  });
});
