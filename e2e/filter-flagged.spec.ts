import { expect, test } from "@playwright/test";
import { chooseStatus, columnCells, expectSettled, readRange, waitForInteractive } from "./helpers";

test("choosing Flagged changes the URL and shows only flagged users", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  const all = await readRange(page);

  await chooseStatus(page, "Flagged");
  await expect(page).toHaveURL(/[?&]status=FLAGGED(&|$)/);
  // Retried: right after the click the range may still be the previous view's.
  await expect.poll(async () => (await readRange(page)).total).toBeLessThan(all.total);
  await expectSettled(page);
  const flagged = await readRange(page);
  expect(flagged.total).toBeLessThan(all.total);
  expect(flagged.total).toBeGreaterThan(0);
  const statuses = await (await columnCells(page, "Status")).allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Flagged"]));
});

test("typing a search narrows the rows and resets the page", async ({ page }) => {
  await page.goto("/?offset=100");
  await waitForInteractive(page);
  await page.getByLabel("Search").fill("example.org");
  await expect(page).toHaveURL(/search=example\.org/);
  await expect(page).not.toHaveURL(/offset=/);
  // As below: the rows, not "settled", say when the search has reached the table.
  const cells = await columnCells(page, "Emails");
  await expect
    .poll(async () => {
      const emails = await cells.allTextContents();
      return emails.length > 0 && emails.every((cell) => cell.includes("example.org"));
    })
    .toBe(true);
  await expectSettled(page);
});

test("the country filter keeps only users with a document from that country", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  await page.getByLabel("Country").fill("esp");
  await expect(page).toHaveURL(/country=ESP/);
  // The URL can change a moment before the table starts loading (it is not busy yet, and still
  // shows the unfiltered rows), so this waits for the filtered rows rather than for "settled".
  const cells = await columnCells(page, "Countries");
  await expect
    .poll(async () => {
      const countries = await cells.allTextContents();
      return countries.length > 0 && countries.every((cell) => cell.includes("ESP"));
    })
    .toBe(true);
  await expectSettled(page);
});
