import { expect, test } from "@playwright/test";
import { chooseStatus, expectRange, waitForInteractive } from "./helpers";

const count = async (locator: import("@playwright/test").Locator) =>
  Number(((await locator.textContent()) ?? "").replaceAll(",", "").replace("+", ""));

test("status tabs show counts under the other filters, Flagged first", async ({ page }) => {
  await page.goto("/?country=ESP");
  await waitForInteractive(page);
  const labels = await page
    .getByRole("radiogroup", { name: "Status" })
    .getByRole("radio")
    .evaluateAll((radios) =>
      radios.map((radio) =>
        // The label, without the count or the screen-reader text ", 5,000 users".
        radio.parentElement?.textContent
          ?.split(",")[0]
          ?.replace(/[\d·+]/g, "")
          .trim(),
      ),
    );
  expect(labels).toEqual(["All", "Flagged", "Blocked", "Active"]);

  const all = page.getByTestId("count-all");
  await expect(all).not.toHaveText("·");
  const flagged = await count(page.getByTestId("count-flagged"));
  const blocked = await count(page.getByTestId("count-blocked"));
  const active = await count(page.getByTestId("count-active"));
  expect(flagged + blocked + active).toBe(await count(all));

  // The tab's count is the number of rows its view shows.
  await chooseStatus(page, /Flagged/);
  await expectRange(page, { total: flagged });
});
