import { expect, test } from "@playwright/test";
import { cellIn, columnCells, userRows } from "./helpers";

test("clicking a row opens every field of the user, and the URL reopens it", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  const row = userRows(page).nth(2);
  const nameCell = await cellIn(page, row, "Name");
  const name = (await nameCell.locator("div").first().textContent()) ?? "";
  await row.click();

  const panel = page.getByRole("dialog", { name });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/status=FLAGGED&user=[\w-]+/);
  for (const label of [
    "Vendor data",
    "Didit ID",
    "Date of birth",
    "Sessions",
    "Issuing states",
    "Approved emails",
    "First session",
    "Created",
  ]) {
    await expect(panel.getByText(label, { exact: true }).first()).toBeVisible();
  }
  await expect(panel.getByRole("button", { name: "Copy Didit ID" })).toBeVisible();
  await expect(panel.getByText("User 3 of 50 on this page")).toBeVisible();

  // A bookmark or reload reopens the same user.
  await page.reload();
  await expect(page.getByRole("dialog", { name })).toBeVisible();

  // Esc closes and puts focus back on the row.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).not.toHaveURL(/user=/);
  await expect(row).toBeFocused();
});

test("the panel shows what Didit's single-user view adds", async ({ page }) => {
  await page.goto("/?status=BLOCKED");
  // Blocked users in the sandbox always carry comments; find one with vendor data.
  const rows = userRows(page);
  await expect(rows.first()).toBeVisible();
  const vendorCells = await columnCells(page, "Vendor data");
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const vendor = (await vendorCells.nth(i).textContent()) ?? "";
    if (vendor.trim() !== "—") {
      await vendorCells.nth(i).click();
      break;
    }
  }
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("heading", { name: "Metadata" })).toBeVisible();
  await expect(panel.getByRole("heading", { name: /^Comments \([1-9]\d*\)$/ })).toBeVisible();
  await expect(panel.getByText("Updated", { exact: true })).toBeVisible();
});

test("arrows step through the page's users inside the panel", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await userRows(page).first().click();
  await expect(page.getByText("User 1 of 50 on this page")).toBeVisible();
  // The URL follows the panel a moment later (URL updates are batched): wait for it each time.
  const userInUrl = () => new URL(page.url()).searchParams.get("user");
  await expect.poll(userInUrl).toMatch(/^[\w-]+$/);
  const first = userInUrl();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText("User 2 of 50 on this page")).toBeVisible();
  await page.keyboard.press("j");
  await expect(page.getByText("User 3 of 50 on this page")).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByText("User 2 of 50 on this page")).toBeVisible();
  await expect.poll(userInUrl).not.toBe(first);
});

test("a user who no longer exists in Didit says so", async ({ page }) => {
  const response = await page.request.get("/api/users/detail?vendor_data=no-such-vendor-data-123");
  expect(response.status()).toBe(404);
  expect((await response.json()).error.message).toBe("This user no longer exists in Didit.");
});
