import { expect, test } from "@playwright/test";
import { userRows, waitForInteractive } from "./helpers";

// Each test presses its keys back-to-back, with no wait between them: as fast as Playwright can
// send them (a few milliseconds apart), well under a fast typist's 100 ms. No key may be lost.

test("j then Enter, typed at once, opens the first user", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByText("User 1 of 50 on this page")).toBeVisible();
});

test("Esc right after Enter closes the panel it opened, and the row keeps the focus", async ({
  page,
}) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/user=/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(userRows(page).first()).toBeFocused();
});

test("Esc right after a click opens a user closes it again", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await userRows(page).first().click();
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/user=/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("/ right after Esc lands in Search", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByLabel("Search")).toBeFocused();
  // The search field keeps it: nothing moves the focus back to the row afterwards.
  await page.keyboard.type("zz", { delay: 30 });
  await expect(page.getByLabel("Search")).toHaveValue("zz");
});

test("a panel opened from a link closes on Esc, and / right after lands in Search", async ({
  page,
}) => {
  await page.goto("/?status=FLAGGED");
  const id = await userRows(page).first().getAttribute("data-user-id");
  await page.goto(`/?status=FLAGGED&user=${id}`);
  await waitForInteractive(page);
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByLabel("Search")).toBeFocused();
});

test("stepping in the panel with fast keys lands on the right user", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("k");
  await expect(page.getByText("User 3 of 50 on this page")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(userRows(page).nth(2)).toBeFocused();
});

test("the shortcut sheet is a modal: Tab stays inside it", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    // The page behind is inert, so the focus never lands on it.
    expect(
      await page.evaluate(() => {
        const active = document.activeElement;
        return active === document.body || !!active?.closest("dialog");
      }),
    ).toBe(true);
  }
  await page.keyboard.press("?");
  await expect(sheet).toHaveCount(0);
});
