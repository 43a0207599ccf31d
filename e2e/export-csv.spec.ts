import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { CSV_COLUMNS } from "../lib/export/csv-row";
import { expectSettled, readRange } from "./helpers";
import { FAULT_SEARCH, LIVE_URL } from "./servers";

function utcDay(at = new Date()) {
  return at.toISOString().slice(0, 10);
}

test("exporting Blocked downloads every blocked user as CSV", async ({ page }) => {
  await page.goto("/?status=BLOCKED");
  await expectSettled(page);
  const { total } = await readRange(page);
  expect(total).toBeGreaterThan(50);

  const before = utcDay();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  // The date is the server's UTC day; the test may straddle midnight.
  expect([before, utcDay()].map((day) => `didit-users-blocked-${day}.csv`)).toContain(
    file.suggestedFilename(),
  );

  const bytes = await readFile(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(bytes.toString("utf8"), {
    bom: true,
    record_delimiter: "\r\n",
  }) as string[][];
  expect(records[0]).toEqual([...CSV_COLUMNS]);
  // More than one page of the export (200 users) and more than the table shows.
  expect(records).toHaveLength(total + 1);
  const status = CSV_COLUMNS.indexOf("status");
  expect(new Set(records.slice(1).map((row) => row[status]))).toEqual(new Set(["BLOCKED"]));
  await expect(page.getByRole("status").filter({ hasText: "Exported" })).toHaveText(
    `Exported ${total.toLocaleString("en-US")} users.`,
  );
});

test("an export can be cancelled before it finishes", async ({ page }) => {
  // Hold the export's request so there is time to cancel it.
  await page.route("**/api/exports/users**", () => undefined);
  await page.goto("/");
  await expectSettled(page);
  let downloaded = false;
  page.on("download", () => {
    downloaded = true;
  });

  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByText("Exporting…")).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  const cancel = page.getByRole("button", { name: "Cancel" });
  await expect(cancel).toBeFocused();
  await cancel.click();

  await expect(page.getByText("Export cancelled.")).toBeVisible();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
  expect(downloaded).toBe(false);
});

test("a failing export says why", async ({ page }) => {
  // The fake Didit fails every request with this search: the export's first page included.
  await page.goto(`${LIVE_URL}/?search=${FAULT_SEARCH.serverError}`);
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByText(/^Export failed: Didit is not answering properly/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
});
