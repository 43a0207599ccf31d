import { expect, type Page, test } from "@playwright/test";
import { columnCells, expectSettled, userRows, waitForInteractive } from "./helpers";

/** The first of `run` consecutive rows that all have vendor data, read fresh from the view. */
async function addressableRun(page: Page, run: number): Promise<number> {
  const vendor = await (await columnCells(page, "Vendor data")).allTextContents();
  const index = vendor.findIndex(
    (_, i) => i + run <= vendor.length && vendor.slice(i, i + run).every((v) => v.trim() !== "—"),
  );
  expect(index, "a run of users with vendor data on the first page").toBeGreaterThanOrEqual(0);
  return index;
}

const checkbox = (page: Page, index: number) =>
  userRows(page)
    .nth(index)
    .getByRole("checkbox", { name: /^Select / });

test("three users selected (one by a shift-click range) and blocked together", async ({ page }) => {
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await expectSettled(page);
  const index = await addressableRun(page, 3);
  const ids = await Promise.all(
    [0, 1, 2].map(
      async (i) =>
        (await userRows(page)
          .nth(index + i)
          .getAttribute("data-user-id")) ?? "",
    ),
  );

  await checkbox(page, index).click();
  // Selecting never opens the user.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).not.toHaveURL(/user=/);
  await checkbox(page, index + 2).click({ modifiers: ["Shift"] });
  for (const i of [0, 1, 2]) await expect(checkbox(page, index + i)).toBeChecked();
  const bar = page.getByRole("region", { name: "Bulk change" });
  await expect(bar).toContainText("3 selected");

  await bar.getByRole("button", { name: "Block", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Block 3 users" });
  await dialog.getByRole("button", { name: "Duplicate account" }).click();
  await dialog.getByRole("button", { name: "Confirm", exact: true }).click();

  await expect(dialog).toHaveCount(0);
  await expect(bar).toContainText("3 changed");
  // Done rows are unselected (and, blocked now, have left the Flagged view).
  await expect(bar).not.toContainText("selected ·");
  for (const id of ids) await expect(page.locator(`tr[data-user-id="${id}"]`)).toHaveCount(0);
  await bar.getByRole("button", { name: "Dismiss" }).click();
  await expect(bar).toHaveCount(0);
});

test("a confirm without a reason is refused, and nothing is sent", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/decisions")
      posts.push(request.url());
  });
  await page.goto("/?status=FLAGGED");
  await waitForInteractive(page);
  await expectSettled(page);

  // x selects the focused row.
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(checkbox(page, 0)).toBeChecked();
  const bar = page.getByRole("region", { name: "Bulk change" });
  const setActive = bar.getByRole("button", { name: "Set active", exact: true });
  await setActive.click();
  const dialog = page.getByRole("dialog", { name: /^Set .+ active$/ });
  await dialog.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give a reason of at least 3 characters.");
  await dialog.getByLabel("Reason").fill("  ok  ");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText("Give a reason of at least 3 characters.");
  await expect(dialog).toBeVisible();

  // Esc cancels, back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(setActive).toBeFocused();
  expect(posts).toEqual([]);
});

test("the header box selects the page; a new page starts with nothing selected", async ({
  page,
}) => {
  await page.goto("/?status=BLOCKED");
  await waitForInteractive(page);
  await expectSettled(page);
  const all = page.getByRole("checkbox", { name: "Select all on this page" });
  await all.click();
  const rows = await userRows(page).count();
  const bar = page.getByRole("region", { name: "Bulk change" });
  await expect(bar).toContainText(`${rows} selected`);
  await checkbox(page, 1).click();
  await expect(bar).toContainText(`${rows - 1} selected`);
  expect(await all.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);

  await page.keyboard.press("]");
  await expect(page).toHaveURL(/offset=50/);
  await expectSettled(page);
  await expect(bar).toHaveCount(0);
  await expect(all).not.toBeChecked();
});
