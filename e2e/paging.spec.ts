import { expect, type Page, test } from "@playwright/test";
import { cellIn, expectSettled, readRange, userRows } from "./helpers";

/** The name in the first row: tells one page from another. */
async function firstName(page: Page) {
  return (await cellIn(page, userRows(page).first(), "Name")).textContent();
}

test("paging forward and back, and the browser's Back button", async ({ page }) => {
  await page.goto("/");
  const first = await firstName(page);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expectSettled(page);
  expect(await readRange(page)).toMatchObject({ first: 51, last: 100 });
  expect(await firstName(page)).not.toBe(first);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/offset=100/);
  await expectSettled(page);
  expect(await readRange(page)).toMatchObject({ first: 101 });

  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/offset=50/);
  await expectSettled(page);
  expect(await readRange(page)).toMatchObject({ first: 51 });

  await page.goBack();
  await expect(page).toHaveURL(/offset=100/);
  await expectSettled(page);
  expect(await readRange(page)).toMatchObject({ first: 101 });

  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/offset=/);
  await expectSettled(page);
  expect(await readRange(page)).toMatchObject({ first: 1 });
  expect(await firstName(page)).toBe(first);
});

test("last and first page, and rows per page", async ({ page }) => {
  await page.goto("/?status=BLOCKED");
  const { total } = await readRange(page);
  await page.getByRole("button", { name: "Last page" }).click();
  await expectSettled(page);
  const last = await readRange(page);
  expect(last.last).toBe(total);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();

  await page.getByRole("button", { name: "First page" }).click();
  await expectSettled(page);
  expect((await readRange(page)).first).toBe(1);

  await page.getByLabel("Rows per page").selectOption("100");
  await expect(page).toHaveURL(/limit=100/);
  await expectSettled(page);
  expect(await userRows(page).count()).toBe(Math.min(100, total));
});

test("a filter change goes back to the first page and Back restores it", async ({ page }) => {
  await page.goto("/?offset=150");
  await page.getByRole("radio", { name: "Blocked" }).check();
  await expect(page).toHaveURL(/status=BLOCKED/);
  await expect(page).not.toHaveURL(/offset=/);
  await page.goBack();
  await expect(page).toHaveURL(/offset=150/);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  await expectSettled(page);
  expect((await readRange(page)).first).toBe(151);
});
