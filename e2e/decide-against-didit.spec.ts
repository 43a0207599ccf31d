import { expect, type Page, test } from "@playwright/test";
import type { RecordedWrite } from "./fake-didit";
import { cellIn, expectSettled, userRows } from "./helpers";
import { E2E_DIDIT_KEY, FAKE_DIDIT_PORT, LIVE_URL, POSTGRES_APP_URL } from "./servers";

/**
 * Decisions as Didit sees them, through a Didit-compatible fake that records every write: the
 * PATCH carries the analyst's reason and the key, a failure at Didit is reported per user, and the
 * trail shows who did it. Once on the embedded store, once on PostgreSQL.
 */

const FAKE = `http://127.0.0.1:${FAKE_DIDIT_PORT}`;
const hasPostgres = (process.env.E2E_POSTGRES ?? "1") !== "0";

async function writesFor(vendorData: string): Promise<RecordedWrite[]> {
  const response = await fetch(`${FAKE}/__e2e/writes?vendorData=${encodeURIComponent(vendorData)}`);
  return (await response.json()) as RecordedWrite[];
}

async function failWrites(vendorData: string, status: number | null) {
  await fetch(`${FAKE}/__e2e/write-fault?vendorData=${encodeURIComponent(vendorData)}`, {
    method: "POST",
    body: JSON.stringify(status === null ? {} : { status }),
  });
}

async function count(page: Page, tab: "flagged" | "active") {
  const text = (await page.getByTestId(`count-${tab}`).textContent()) ?? "";
  return Number(text.replaceAll(",", "").replace("+", ""));
}

for (const [store, base] of [
  ["the embedded store", LIVE_URL],
  ["PostgreSQL", POSTGRES_APP_URL],
] as const) {
  test.describe(`decisions on ${store}`, () => {
    test.skip(store === "PostgreSQL" && !hasPostgres, "PostgreSQL's server is not installed here");

    test("unflag a flagged user from the panel with a preset reason", async ({ page }) => {
      // Far into the queue, so the two stores' runs and other tests pick different users.
      const offset = store === "PostgreSQL" ? 40 : 20;
      await page.goto(`${base}/?status=FLAGGED&offset=${offset}`);
      await expectSettled(page);
      await expect(page.getByTestId("count-active")).not.toHaveText("·");
      const flaggedBefore = await count(page, "flagged");
      const activeBefore = await count(page, "active");
      const row = userRows(page).first();
      const vendorData = (
        (await (await cellIn(page, row, "Vendor data")).textContent()) ?? ""
      ).trim();
      const userId = (await row.getAttribute("data-user-id")) ?? "";
      await row.click();
      const panel = page.getByRole("dialog").first();
      await panel.getByRole("button", { name: "Set active", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: /^Set .+ active$/ });
      await dialog.getByRole("button", { name: "Document verified manually" }).click();
      await expect(dialog.getByLabel("Reason")).toHaveValue("Document verified manually");
      await dialog.getByRole("button", { name: "Confirm", exact: true }).click();

      await expect(page.locator(`tr[data-user-id="${userId}"]`)).toHaveCount(0);
      await expect(page.getByTestId("count-flagged")).toHaveText(String(flaggedBefore - 1));
      await expect(page.getByTestId("count-active")).toHaveText(
        (activeBefore + 1).toLocaleString("en-US"),
      );
      const writes = await writesFor(vendorData);
      expect(writes).toEqual([
        expect.objectContaining({
          method: "PATCH",
          apiKey: E2E_DIDIT_KEY,
          body: { status: "ACTIVE", reason: "Document verified manually" },
        }),
      ]);

      await page.goto(`${base}/activity?user=${encodeURIComponent(vendorData)}`);
      const trail = page.getByRole("table");
      await expect(trail.getByText("Document verified manually").first()).toBeVisible();
      await expect(trail.getByText("Local analyst").first()).toBeVisible();
    });

    test("block three users in bulk while one fails at Didit", async ({ page }) => {
      const offset = store === "PostgreSQL" ? 100 : 60;
      await page.goto(`${base}/?status=ACTIVE&offset=${offset}`);
      await expectSettled(page);
      const rows = userRows(page);
      const failingRow = rows.nth(1);
      const failing = (
        (await (await cellIn(page, failingRow, "Vendor data")).textContent()) ?? ""
      ).trim();
      const failingId = (await failingRow.getAttribute("data-user-id")) ?? "";
      await failWrites(failing, 500);
      try {
        for (const index of [0, 1, 2]) {
          await rows.nth(index).getByRole("checkbox").check();
        }
        const bar = page.getByRole("region", { name: "Bulk change" });
        await bar.getByRole("button", { name: "Block", exact: true }).click();
        const dialog = page.getByRole("dialog", { name: "Block 3 users" });
        await dialog.getByLabel("Reason").fill("Duplicate account");
        await dialog.getByRole("button", { name: "Confirm", exact: true }).click();
        await expect(page.getByText(/2 changed · 1 failed/)).toBeVisible();
        // The two blocked users leave the Active view; the failed one stays, still selected.
        await expect(
          page.locator(`tr[data-user-id="${failingId}"]`).getByRole("checkbox"),
        ).toBeChecked();
      } finally {
        await failWrites(failing, null);
      }
    });

    test("confirm without a reason is refused and nothing reaches Didit", async ({ page }) => {
      const offset = store === "PostgreSQL" ? 140 : 80;
      await page.goto(`${base}/?status=FLAGGED&offset=${offset}`);
      await expectSettled(page);
      const row = userRows(page).first();
      const vendorData = (
        (await (await cellIn(page, row, "Vendor data")).textContent()) ?? ""
      ).trim();
      await row.click();
      await page
        .getByRole("dialog")
        .first()
        .getByRole("button", { name: "Block", exact: true })
        .click();
      const dialog = page.getByRole("dialog", { name: /^Block / });
      await dialog.getByRole("button", { name: "Confirm", exact: true }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
      expect(await writesFor(vendorData)).toEqual([]);
    });
  });
}
