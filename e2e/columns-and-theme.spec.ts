import { expect, test } from "@playwright/test";
import { waitForInteractive } from "./helpers";

test("hidden and reordered columns and density persist across reloads, without hydration errors", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/");
  await waitForInteractive(page);
  await page.getByText("Columns", { exact: true }).click();
  const menu = page.getByRole("list", { name: "Columns" });
  await menu.getByRole("checkbox", { name: "Vendor data" }).uncheck();
  await menu.getByRole("button", { name: "Move Tags left" }).click();
  await page.getByRole("button", { name: "Compact rows" }).click();

  const headers = () => page.getByRole("columnheader").allTextContents();
  const tagsBeforeFeatures = async () => {
    const order = await headers();
    return order.indexOf("Tags") < order.indexOf("Features");
  };
  await expect(page.getByRole("columnheader", { name: "Vendor data" })).toHaveCount(0);
  await expect.poll(tagsBeforeFeatures).toBe(true);
  await expect(page.getByRole("button", { name: "Compact rows" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.reload();
  await waitForInteractive(page);
  await expect(page.getByRole("columnheader", { name: "Vendor data" })).toHaveCount(0);
  await expect.poll(tagsBeforeFeatures).toBe(true);
  await expect(page.getByRole("button", { name: "Compact rows" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);

  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("button", { name: "Reset columns" }).click();
  await expect(page.getByRole("columnheader", { name: "Vendor data" })).toHaveCount(1);
});

test("the theme follows the system and can be switched", async ({ browser }, testInfo) => {
  // A context of its own (for the dark colour scheme) does not inherit the configured baseURL.
  const context = await browser.newContext({
    colorScheme: "dark",
    baseURL: testInfo.project.use.baseURL,
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Theme: system" }).click();
  await expect(page.getByRole("button", { name: "Theme: light" })).toBeVisible();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.reload();
  // The choice is applied before the first paint, not after hydration.
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Theme: light" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await context.close();
});
