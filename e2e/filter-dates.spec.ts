import { expect, test } from "@playwright/test";
import { cellIn, columnCells, expectSettled, userRows, waitForInteractive } from "./helpers";

// Far from UTC on purpose, on both sides: a date filter must mean the same UTC day in every
// time zone, and the field must show the day it sends.
for (const timezoneId of ["Pacific/Kiritimati", "America/Los_Angeles"]) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test("a created window keeps only users created within those UTC days", async ({ page }) => {
      await page.goto("/?limit=200");
      await waitForInteractive(page);
      await page.getByLabel("Created after").fill("2026-03-01");
      await expect(page).toHaveURL(/created_after=2026-03-01/);
      // One change at a time: the second date goes in once the first one's rows are on screen,
      // as an analyst would see them, not while 200 rows are still being replaced.
      await expectSettled(page);
      await page.getByLabel("Created before").fill("2026-03-08");
      await expect(page.getByLabel("Created before")).toHaveValue("2026-03-08");
      await expect(page).toHaveURL(/created_before=2026-03-08/);
      await expect(page.getByLabel("Created after")).toHaveValue("2026-03-01");

      // The rows, not "settled", say when the window has reached the table (the URL can change
      // a moment before the table starts loading).
      const cells = (await columnCells(page, "Created")).locator("time");
      await expect
        .poll(async () => {
          const created = await cells.evaluateAll((nodes) =>
            nodes.map((node) => node.getAttribute("datetime") ?? ""),
          );
          return (
            created.length > 0 &&
            created.every(
              (iso) => iso >= "2026-03-01T00:00:00.000Z" && iso < "2026-03-08T00:00:00.000Z",
            )
          );
        })
        .toBe(true);
      await expectSettled(page);
      // The exact time on hover is in UTC, so it agrees with the filter.
      const first = await cellIn(page, userRows(page).first(), "Created");
      await expect(first.locator("time")).toHaveAttribute(
        "title",
        /^2026-03-0[1-7] \d\d:\d\d UTC$/,
      );
    });
  });
}
