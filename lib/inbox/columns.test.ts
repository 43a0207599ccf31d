import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMN_ORDER, moveColumn, normaliseOrder } from "./columns";

describe("column order", () => {
  it("repairs a stored order", () => {
    const order = normaliseOrder(["tags", "bogus", "name", "status"]);
    expect(order.slice(0, 3)).toEqual(["name", "tags", "status"]);
    expect([...order].sort()).toEqual([...DEFAULT_COLUMN_ORDER].sort());
  });

  it("moves columns but never past the pinned name column", () => {
    const order = normaliseOrder([]);
    expect(moveColumn(order, "status", -1).slice(0, 3)).toEqual(["name", "status", "vendor_data"]);
    expect(moveColumn(order, "vendor_data", -1)).toEqual(order);
    expect(moveColumn(order, "name", 1)).toEqual(order);
    expect(moveColumn(order, "phones", 1)).toEqual(order);
  });
});
