import { expect, test } from "@playwright/test";
import { waitForInteractive } from "./helpers";

test("Columns is a menu button: focus goes in, Esc and an outside click close it", async ({
  page,
}) => {
  await page.goto("/");
  await waitForInteractive(page);
  const button = page.getByRole("button", { name: "Columns", exact: true });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toHaveAttribute("aria-haspopup", "dialog");

  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const popover = page.getByRole("dialog", { name: "Columns" });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole("checkbox", { name: "Vendor data" })).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();

  // Opened from the keyboard too, and closed by a click anywhere else.
  await page.keyboard.press("Enter");
  await expect(popover).toBeVisible();
  await page.getByRole("heading", { name: "Review inbox" }).click();
  await expect(popover).toBeHidden();
});

test("the server renders the chosen columns: no flash of hidden columns", async ({ page }) => {
  await page.goto("/");
  await waitForInteractive(page);
  await page.getByRole("button", { name: "Columns", exact: true }).click();
  await page.getByRole("checkbox", { name: "Emails" }).uncheck();
  await expect(page.getByRole("columnheader", { name: "Emails" })).toHaveCount(0);

  // The page as the server sends it, before any script runs: its column headers.
  const html = await (await page.request.get("/")).text();
  const headers = [...html.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((match) =>
    (match[1] ?? "").replace(/<[^>]*>/g, "").trim(),
  );
  expect(headers).toContain("Name");
  expect(headers).toContain("Vendor data");
  expect(headers).not.toContain("Emails");
});

test("a damaged preferences cookie falls back to the default columns", async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.context().addCookies([
    {
      name: "didit-inbox-view",
      value: encodeURIComponent('{"hiddenColumns":"all","density":42,'),
      url: testInfo.project.use.baseURL ?? "",
    },
  ]);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await waitForInteractive(page);
  await expect(page.getByRole("columnheader", { name: "Vendor data" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Compact rows" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
});
