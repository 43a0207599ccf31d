import { expect, test } from "@playwright/test";

test("Refresh reloads the view and says how fresh it is", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await expect(page.getByText(/^Updated .* ago$/)).toBeVisible();
  const refreshed = page.waitForResponse((r) => r.url().includes("/api/users?status=FLAGGED"));
  await page.getByRole("button", { name: "Refresh" }).click();
  expect((await refreshed).status()).toBe(200);
  await expect(page.getByText(/^Updated \d+ seconds? ago$/)).toBeVisible();
  await expect(page.getByLabel("Auto-refresh (60 s)")).not.toBeChecked();
});
