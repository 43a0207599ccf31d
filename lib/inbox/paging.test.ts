import { describe, expect, it } from "vitest";
import { lastPageOffset, previousPageOffset, rangeLabel } from "./paging";

const rows = (n: number) => Array.from({ length: n }, () => ({}) as never);

describe("paging", () => {
  it("labels the visible range with a grouped total", () => {
    expect(
      rangeLabel({ offset: 50, count: 5123, countIsLowerBound: false, results: rows(50) }),
    ).toBe("51–100 of 5,123");
    expect(
      rangeLabel({ offset: 5100, count: 5123, countIsLowerBound: false, results: rows(23) }),
    ).toBe("5,101–5,123 of 5,123");
    expect(rangeLabel({ offset: 0, count: 0, countIsLowerBound: false, results: [] })).toBe(
      "0 of 0",
    );
    expect(rangeLabel({ offset: 0, count: 100, countIsLowerBound: true, results: rows(50) })).toBe(
      "1–50 of 100+",
    );
  });

  it("finds the last page, unless the total is only a lower bound", () => {
    expect(lastPageOffset({ count: 5123, countIsLowerBound: false, limit: 50 })).toBe(5100);
    expect(lastPageOffset({ count: 100, countIsLowerBound: false, limit: 50 })).toBe(50);
    expect(lastPageOffset({ count: 0, countIsLowerBound: false, limit: 50 })).toBe(0);
    expect(lastPageOffset({ count: 100, countIsLowerBound: true, limit: 50 })).toBeNull();
  });

  it("never pages before the start", () => {
    expect(previousPageOffset(30, 50)).toBe(0);
    expect(previousPageOffset(100, 50)).toBe(50);
  });
});
