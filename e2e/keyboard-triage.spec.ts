import { expect, test } from "@playwright/test";
import { expectSettled, userRows, waitForInteractive } from "./helpers";

test("a whole triage by keyboard alone", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  // Find the flagged users: "/" focuses search; the status radios are reachable with Tab.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowRight"); // All → Flagged
  await expect(page).toHaveURL(/status=FLAGGED/);
  await expect(page.getByRole("radio", { name: /Flagged/ })).toBeChecked();
  await expectSettled(page);
  await page.keyboard.press("Escape");

  // j moves through the rows, with a visible selection.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const second = userRows(page).nth(1);
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute("aria-selected", "true");

  // Enter opens it; the next user is one key away; Esc closes and returns to the row.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByText("User 2 of 50 on this page")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText("User 3 of 50 on this page")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(userRows(page).nth(2)).toBeFocused();

  // ] and [ page forward and back.
  await page.keyboard.press("]");
  await expect(page).toHaveURL(/offset=50/);
  await page.keyboard.press("[");
  await expect(page).not.toHaveURL(/offset=/);
});

test("shortcuts never fire while typing, and ? shows the sheet", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  await page.getByLabel("Search").fill("j]k[");
  await expect(page).not.toHaveURL(/offset=/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByLabel("Search").fill("");
  await page.getByLabel("Search").blur();

  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText("Next page")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
});

test("opening the inbox leaves the focus where the browser puts it", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
});
