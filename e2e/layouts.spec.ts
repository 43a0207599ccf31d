import { expect, test } from "@playwright/test";
import { cellIn, userRows } from "./helpers";

test("usable at 1280×800", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?status=FLAGGED");
  await expect(userRows(page).first()).toBeVisible();
  await testInfo.attach("inbox-1280x800", {
    body: await page.screenshot(),
    contentType: "image/png",
  });
});

test("usable on a 390-px-wide phone: the table scrolls with the name pinned", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?status=FLAGGED");
  await expect(userRows(page).first()).toBeVisible();
  const firstRow = userRows(page).first();
  const firstName = await cellIn(page, firstRow, "Name");
  const checkbox = firstRow.getByRole("checkbox");
  await expect(firstName).toBeVisible();
  const scroller = page.getByRole("table").locator("xpath=..");
  await scroller.evaluate((el) => {
    el.scrollLeft = 600;
  });
  // Still on screen after scrolling sideways, right after the row's pinned checkbox.
  const box = await firstName.boundingBox();
  const boxOfCheckbox = await checkbox.boundingBox();
  expect(boxOfCheckbox?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect(box?.x ?? -1).toBeGreaterThan(boxOfCheckbox?.x ?? 999);
  expect(box?.x ?? 999).toBeLessThan(80);
  await testInfo.attach("inbox-390-phone", {
    body: await page.screenshot(),
    contentType: "image/png",
  });

  await firstName.click();
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  const panelBox = await panel.boundingBox();
  expect(panelBox?.width).toBe(390);
  await testInfo.attach("detail-390-phone", {
    body: await page.screenshot(),
    contentType: "image/png",
  });
});
