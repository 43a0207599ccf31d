import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { userRows } from "./helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

test("no serious or critical axe violations: inbox, detail panel, shortcut sheet", async ({
  page,
}) => {
  // Three full-page audits of a 50-row table take a while on a small machine.
  test.setTimeout(120_000);
  await page.goto("/?status=FLAGGED");
  await expect(userRows(page).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await userRows(page).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("no serious or critical axe violations in dark mode", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // A context of its own (for the dark colour scheme) does not inherit the configured baseURL.
  const context = await browser.newContext({
    colorScheme: "dark",
    baseURL: testInfo.project.use.baseURL,
  });
  const page = await context.newPage();
  await page.goto("/?status=BLOCKED");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(userRows(page).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await userRows(page).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
