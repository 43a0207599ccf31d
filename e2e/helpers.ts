import { expect, type Locator, type Page } from "@playwright/test";
import type { COLUMN_LABELS } from "../lib/inbox/columns";

/** A column's header, as the analyst reads it (the accessible name; CSS only uppercases it). */
export type ColumnLabel = (typeof COLUMN_LABELS)[keyof typeof COLUMN_LABELS];

/** The data rows of the users table (the header row excluded). */
export function userRows(page: Page) {
  return page.getByRole("table").locator("tbody tr");
}

/**
 * The cells of one column, found through its header rather than a fixed position: columns can be
 * hidden and reordered, and the header is what the analyst goes by. Call it once the table shows
 * the view under test (the order is read now).
 */
export async function columnCells(page: Page, label: ColumnLabel): Promise<Locator> {
  const index = await columnIndex(page, label);
  return userRows(page).locator(`xpath=./td[${index + 1}]`);
}

/** One row's cell in the column headed `label`. */
export async function cellIn(page: Page, row: Locator, label: ColumnLabel): Promise<Locator> {
  const index = await columnIndex(page, label);
  return row.getByRole("cell").nth(index);
}

async function columnIndex(page: Page, label: ColumnLabel): Promise<number> {
  const header = page.getByRole("table").getByRole("columnheader", { name: label, exact: true });
  await expect(header).toHaveCount(1);
  return header.evaluate((cell) => (cell as HTMLTableCellElement).cellIndex);
}

/** The "51–100 of 5,000" line under the table. */
export function rangeText(page: Page) {
  return page.getByRole("navigation", { name: "Pagination" }).getByText(/ of /);
}

/**
 * Waits until the table shows fresh (not placeholder) rows, all of them. Longer than the default
 * expect: a 200-row page paints in ten batches, and on a loaded 2-core machine (a renderer
 * waiting seconds for the CPU) that was seen to take over 12 s. It is a wait, not a measurement.
 */
export async function expectSettled(page: Page) {
  await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
}

export interface Range {
  first: number;
  last: number;
  total: number;
}

function parseRange(text: string): Range | null {
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)\+?$/.exec(text.trim());
  if (!match) return null;
  const n = (s: string | undefined) => Number((s ?? "").replaceAll(",", ""));
  return { first: n(match[1]), last: n(match[2]), total: n(match[3]) };
}

/** Parses "51–100 of 5,123" into numbers, as it reads now (for a view already on screen). */
export async function readRange(page: Page): Promise<Range> {
  const text = (await rangeText(page).textContent()) ?? "";
  const range = parseRange(text);
  if (!range) throw new Error(`unexpected range text: ${text}`);
  return range;
}

/**
 * Waits until the range line shows `expected`. After a click, "settled" alone can be read before
 * the change has even started (the table is not busy yet), so a read right after it may still
 * see the previous page; this retries until the new view is there.
 */
export async function expectRange(page: Page, expected: Partial<Range>) {
  await expect
    .poll(async () => parseRange((await rangeText(page).textContent()) ?? ""), {
      timeout: 30_000,
    })
    .toMatchObject(expected);
  await expectSettled(page);
}

/**
 * Chooses a status tab. A click rather than `check()`: the tab is checked once the URL has
 * changed, a moment after the click, and `check()` fails if it is not checked at once.
 */
export async function chooseStatus(page: Page, name: string | RegExp) {
  const radio = page.getByRole("radio", { name });
  await radio.click();
  await expect(radio).toBeChecked();
}

/**
 * Waits until the page is interactive in the browser: the other tabs' counts are fetched by the
 * client after hydration, so once all four show, shortcuts and handlers are live.
 */
export async function waitForInteractive(page: Page) {
  for (const tab of ["all", "flagged", "blocked", "active"]) {
    // Hydration plus three client fetches: on a starved 2-core machine hydration alone was seen
    // to take 14 s, so this gets the same 30 s ceiling as settling. A wait, not a measurement.
    await expect(page.getByTestId(`count-${tab}`)).not.toHaveText("·", { timeout: 30_000 });
  }
}
