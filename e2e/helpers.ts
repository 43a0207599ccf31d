import { expect, type Page } from "@playwright/test";

/** The data rows of the users table (the header row excluded). */
export function userRows(page: Page) {
  return page.getByRole("table").locator("tbody tr");
}

/** The "51–100 of 5,000" line under the table. */
export function rangeText(page: Page) {
  return page.getByRole("navigation", { name: "Pagination" }).getByText(/ of /);
}

/** Waits until the table shows fresh (not placeholder) rows. */
export async function expectSettled(page: Page) {
  await expect(page.getByRole("table")).toHaveAttribute("aria-busy", "false");
}

/** Parses "51–100 of 5,123" into numbers. */
export async function readRange(page: Page) {
  const text = (await rangeText(page).textContent()) ?? "";
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)\+?$/.exec(text.trim());
  if (!match) throw new Error(`unexpected range text: ${text}`);
  const n = (s: string | undefined) => Number((s ?? "").replaceAll(",", ""));
  return { first: n(match[1]), last: n(match[2]), total: n(match[3]) };
}

/**
 * Waits until the page is interactive in the browser: the other tabs' counts are fetched by the
 * client after hydration, so once all four show, shortcuts and handlers are live.
 */
export async function waitForInteractive(page: Page) {
  for (const tab of ["all", "flagged", "blocked", "active"]) {
    await expect(page.getByTestId(`count-${tab}`)).not.toHaveText("·");
  }
}
