/**
 * The table's columns as the analyst can arrange them. "name" always comes first and cannot be
 * hidden: it is how a row is recognised, and the column pinned on narrow screens.
 */
export const COLUMN_LABELS = {
  name: "Name",
  vendor_data: "Vendor data",
  status: "Status",
  features: "Features",
  tags: "Tags",
  countries: "Countries",
  sessions: "Sessions",
  last_activity: "Last activity",
  created: "Created",
  emails: "Emails",
  phones: "Phones",
} as const;

export type ColumnId = keyof typeof COLUMN_LABELS;

/**
 * Fixed widths (px): with `table-layout: fixed` the browser sizes columns from these instead of
 * measuring every cell, which is most of the layout cost of a 200-row page.
 */
export const COLUMN_WIDTHS: Record<ColumnId, number> = {
  name: 210,
  vendor_data: 160,
  status: 96,
  features: 330,
  tags: 170,
  countries: 110,
  sessions: 112,
  last_activity: 128,
  created: 128,
  emails: 220,
  phones: 150,
};
export const PINNED_COLUMN: ColumnId = "name";
export const DEFAULT_COLUMN_ORDER = Object.keys(COLUMN_LABELS) as ColumnId[];

function isColumnId(value: string): value is ColumnId {
  return Object.hasOwn(COLUMN_LABELS, value);
}

/** A stored order, repaired: unknown ids dropped, missing ones appended, the pinned one first. */
export function normaliseOrder(stored: readonly string[]): ColumnId[] {
  const seen = new Set<ColumnId>([PINNED_COLUMN]);
  const order: ColumnId[] = [PINNED_COLUMN];
  for (const id of [...stored, ...DEFAULT_COLUMN_ORDER]) {
    if (isColumnId(id) && !seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  return order;
}

/** Moves a column one place up (-1) or down (+1), never before the pinned column. */
export function moveColumn(order: readonly ColumnId[], id: ColumnId, delta: -1 | 1): ColumnId[] {
  const next = [...order];
  const from = next.indexOf(id);
  const to = from + delta;
  if (from <= 0 || to <= 0 || to >= next.length) return next;
  [next[from], next[to]] = [next[to] as ColumnId, id];
  return next;
}
