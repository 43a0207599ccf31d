import { expect, test } from "@playwright/test";
import { expectSettled, userRows } from "./helpers";

test("quick views are one-click URLs, relative ones computed when opened", async ({ page }) => {
  await page.goto("/?country=ESP&offset=50");
  const quick = page.getByRole("navigation", { name: "Quick views" });

  await quick.getByRole("link", { name: "Flagged, idle 30+ days" }).click();
  await expect(page).toHaveURL(/status=FLAGGED/);
  const before = new URL(page.url()).searchParams.get("last_activity_before") ?? "";
  const age = Date.now() - Date.parse(before);
  expect(age).toBeGreaterThan(29.9 * 86_400_000);
  expect(age).toBeLessThan(30.1 * 86_400_000);
  expect(page.url()).not.toContain("country=");
  expect(page.url()).not.toContain("offset=");
  await expectSettled(page);
  expect(await userRows(page).count()).toBeGreaterThan(0);

  await quick.getByRole("link", { name: "Blocked" }).click();
  await expect(page).toHaveURL(/\?status=BLOCKED$/);

  await page.goBack();
  await expect(page).toHaveURL(/last_activity_before=/);
});

test("Copy link copies the current view's URL", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?status=FLAGGED&country=ESP");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
});
