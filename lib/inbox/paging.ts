import type { UsersPage } from "@/lib/api/types";

const integer = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "51–100 of 5,123", "0 of 0", or "101–150 of 150+" when Didit caps the count. */
export function rangeLabel(
  page: Pick<UsersPage, "offset" | "count" | "countIsLowerBound" | "results">,
) {
  const total = `${formatCount(page.count)}${page.countIsLowerBound ? "+" : ""}`;
  if (page.results.length === 0) return `0 of ${total}`;
  const first = page.offset + 1;
  const last = page.offset + page.results.length;
  return `${formatCount(first)}–${formatCount(last)} of ${total}`;
}

/** Offset of the last page, or null when the total is not known exactly. */
export function lastPageOffset(page: Pick<UsersPage, "count" | "countIsLowerBound" | "limit">) {
  if (page.countIsLowerBound) return null;
  if (page.count === 0) return 0;
  return Math.floor((page.count - 1) / page.limit) * page.limit;
}

export function previousPageOffset(offset: number, limit: number): number {
  return Math.max(0, offset - limit);
}
