import { expect, test } from "@playwright/test";
import { readRange, userRows } from "./helpers";

test("the inbox opens on the sandbox with rows rendered by the server", async ({ page }) => {
  // JavaScript off: the first view must be in the server's HTML, not painted later.
  const html = await (await page.request.get("/")).text();
  expect(html).toContain("<table");
  expect(html).toContain("Sandbox data");

  await page.goto("/");
  await expect(page.getByText("Sandbox data")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review inbox" })).toBeVisible();
  await expect(userRows(page)).toHaveCount(50);
  for (const name of [
    "Name",
    "Vendor data",
    "Status",
    "Features",
    "Tags",
    "Countries",
    "Sessions",
    "Last activity",
    "Created",
    "Emails",
    "Phones",
  ]) {
    await expect(page.getByRole("columnheader", { name, exact: true })).toBeVisible();
  }
  const range = await readRange(page);
  expect(range.first).toBe(1);
  expect(range.last).toBe(50);
  expect(range.total).toBeGreaterThanOrEqual(5000);
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
});

test("an empty result offers to clear the filters", async ({ page }) => {
  await page.goto("/?search=zzzz-nobody-has-this-name");
  await expect(page.getByText("No users match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(userRows(page)).toHaveCount(50);
  await expect(page).toHaveURL(/\/$/);
});
