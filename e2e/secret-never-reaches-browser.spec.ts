import { expect, test } from "@playwright/test";
import { chooseStatus, expectSettled, waitForInteractive } from "./helpers";
import { E2E_DIDIT_KEY, FAULT_SEARCH, LIVE_URL } from "./servers";

test("no response the browser receives in a whole session contains the API key", async ({
  page,
}) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push(`${response.url()}\n${headers}\n${body.toString("utf8")}`);
  });

  await page.goto(`${LIVE_URL}/`);
  await waitForInteractive(page);
  await chooseStatus(page, "Flagged");
  await expectSettled(page);
  await page.getByRole("button", { name: "Next page" }).click();
  await expectSettled(page);
  await page.getByLabel("Search").fill(FAULT_SEARCH.unauthorized);
  await expect(page.getByRole("alert", { name: /could not be loaded/ })).toBeVisible();
  await page.goto(`${LIVE_URL}/?search=${FAULT_SEARCH.serverError}`);
  await expect(page.getByRole("alert", { name: /could not be loaded/ })).toBeVisible();
  await page.waitForLoadState("networkidle");

  expect(seen.length).toBeGreaterThan(10);
  const leaks = seen.filter((text) => text.includes(E2E_DIDIT_KEY));
  expect(leaks).toEqual([]);
});
