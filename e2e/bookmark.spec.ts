import { expect, test } from "@playwright/test";
import { columnCells, readRange, userRows } from "./helpers";

test("a bookmarked URL opens with its filters and page applied", async ({ page }) => {
  // "Flagged users from Spain", second page of five.
  await page.goto("/?status=FLAGGED&country=ESP&limit=5&offset=5");
  await expect(page.getByRole("radio", { name: "Flagged" })).toBeChecked();
  await expect(page.getByLabel("Country")).toHaveValue("ESP");
  await expect(page.getByLabel("Rows per page")).toHaveValue("5");
  expect(await readRange(page)).toMatchObject({ first: 6, last: 10 });
  const rows = userRows(page);
  await expect(rows).toHaveCount(5);
  for (const status of await (await columnCells(page, "Status")).allTextContents()) {
    expect(status).toBe("Flagged");
  }
  for (const countries of await (await columnCells(page, "Countries")).allTextContents()) {
    expect(countries).toContain("ESP");
  }

  await page.reload();
  await expect(page.getByRole("radio", { name: "Flagged" })).toBeChecked();
  expect((await readRange(page)).first).toBe(6);
});

test("a bookmark past the end of the list offers the first page", async ({ page }) => {
  await page.goto("/?status=FLAGGED&country=ESP&offset=5000");
  await expect(page.getByText("This page is past the last user")).toBeVisible();
  await page.getByRole("button", { name: "Go to the first page" }).click();
  await expect(page).not.toHaveURL(/offset=/);
  await expect(userRows(page).first()).toBeVisible();
});

test("invalid values in a URL are dropped without an error page", async ({ page }) => {
  const response = await page.goto("/?status=WHATEVER&limit=9999&offset=-3&country=12345");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  await expect(userRows(page)).toHaveCount(50);
});
