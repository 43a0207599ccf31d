import { expect, test } from "@playwright/test";
import { userRows, waitForInteractive } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the first screen shows users, with the filters behind a Filters button", async ({
  page,
}, testInfo) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await expect(page.getByRole("radio", { name: /Flagged/ })).toBeVisible();
  await expect(page.getByLabel("Search")).toBeHidden();
  const firstRow = await userRows(page).first().boundingBox();
  expect(firstRow?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(844);
  await testInfo.attach("phone-first-screen", {
    body: await page.screenshot(),
    contentType: "image/png",
  });

  const filters = page.getByRole("button", { name: "Filters", exact: true });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await filters.click();
  await expect(filters).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Search")).toBeVisible();
  await page.getByLabel("Country").fill("ESP");
  await expect(page).toHaveURL(/country=ESP/);
  await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
  await testInfo.attach("phone-filters-open", {
    body: await page.screenshot(),
    contentType: "image/png",
  });
});

test("the count on Filters survives a reload, and / opens them into Search", async ({ page }) => {
  await page.goto("/?country=ESP&created_after=2024-01-01");
  await waitForInteractive(page);
  await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search")).toBeFocused();
});

test("on a phone density, theme, auto-refresh and columns sit in the View menu", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await waitForInteractive(page);
  const view = page.getByRole("button", { name: "View" });
  await expect(page.getByRole("button", { name: "Compact rows" })).toBeHidden();
  await view.click();
  await expect(view).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Compact rows" })).toBeVisible();
  await expect(page.getByLabel("Auto-refresh (60 s)")).toBeFocused();
  await page.getByRole("button", { name: "Columns", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Columns" })).toBeVisible();
  await testInfo.attach("phone-view-columns", {
    body: await page.screenshot(),
    contentType: "image/png",
  });
  // Esc closes the innermost first, then the View menu, each time back to its button.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Columns" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Columns", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Compact rows" })).toBeHidden();
  await expect(view).toBeFocused();
});

test("on a narrow screen only the tabs in view cost a count; scrolling to one fetches it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 240, height: 700 });
  const counted: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/users" && url.searchParams.get("limit") === "1") {
      counted.push(url.searchParams.get("status") ?? "ALL");
    }
  });
  // The All tab: Active is derived, Flagged and Blocked are counted.
  await page.goto("/");
  const strip = page.getByRole("radiogroup", { name: "Status" });
  const blocked = page.getByTestId("count-blocked");
  const inView = await blocked.evaluate((node) => {
    const label = node.closest("label")?.getBoundingClientRect();
    const root = node.closest('[role="radiogroup"]')?.getBoundingClientRect();
    if (!label || !root) return true;
    const shown = Math.min(label.right, root.right) - Math.max(label.left, root.left);
    return shown >= label.width / 2;
  });
  test.skip(inView, "the Blocked tab fits at this width");
  // Flagged's count is asked for in the same render as Blocked's would be: once it is on screen,
  // a request for Blocked would have been sent too.
  await expect(page.getByTestId("count-flagged")).not.toHaveText("·");
  expect(counted).toContain("FLAGGED");
  expect(counted).not.toContain("BLOCKED");
  await expect(blocked).toHaveText("·");
  await strip.evaluate((node) => node.scrollBy({ left: 1000 }));
  await expect(blocked).not.toHaveText("·");
  expect(counted).toContain("BLOCKED");
});
