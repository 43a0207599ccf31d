import { expect, type Page, test } from "@playwright/test";
import {
  cellIn,
  chooseStatus,
  expectRange,
  expectSettled,
  readRange,
  userRows,
  waitForInteractive,
} from "./helpers";

/** The name in the first row: tells one page from another. */
async function firstName(page: Page) {
  return (await cellIn(page, userRows(page).first(), "Name")).textContent();
}

test("paging forward and back, and the browser's Back button", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  const first = await firstName(page);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expectRange(page, { first: 51, last: 100 });
  expect(await firstName(page)).not.toBe(first);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/offset=100/);
  await expectRange(page, { first: 101 });

  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expectRange(page, { first: 51 });

  await page.goBack();
  await expect(page).toHaveURL(/offset=100/);
  await expectRange(page, { first: 101 });

  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/offset=/);
  await expectRange(page, { first: 1 });
  expect(await firstName(page)).toBe(first);
});

test("last and first page, and rows per page", async ({ page }) => {
  await page.goto("/?status=BLOCKED");
  await waitForInteractive(page);
  const { total } = await readRange(page);
  await page.getByRole("button", { name: "Last page" }).click();
  await expectRange(page, { last: total });
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();

  await page.getByRole("button", { name: "First page" }).click();
  await expectRange(page, { first: 1 });

  await page.getByLabel("Rows per page").selectOption("100");
  await expect(page).toHaveURL(/limit=100/);
  await expectSettled(page);
  await expect(userRows(page)).toHaveCount(Math.min(100, total));
});

test("a filter change goes back to the first page and Back restores it", async ({ page }) => {
  await page.goto("/?offset=150");
  await waitForInteractive(page);
  await chooseStatus(page, "Blocked");
  await expect(page).toHaveURL(/status=BLOCKED/);
  await expect(page).not.toHaveURL(/offset=/);
  await page.goBack();
  await expect(page).toHaveURL(/offset=150/);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  await expectRange(page, { first: 151 });
});
