import { expect, test } from "@playwright/test";
import { userRows } from "./helpers";

/**
 * `vendor_data` is the application's free text. The sandbox carries users whose reference is a
 * route's name, a slash, a percent sign or 200 characters long (lib/sandbox/identifiers.ts):
 * each opens in the panel with its Didit record, and the API answers for each.
 */
const REACHABLE = ["export", "a/b", "100%", `long-${"x".repeat(195)}`];

for (const vendorData of REACHABLE) {
  test(`the user whose vendor_data is ${JSON.stringify(vendorData.slice(0, 12))}… opens with its record`, async ({
    page,
  }) => {
    const api = await page.request.get(
      `/api/users/detail?${new URLSearchParams({ vendor_data: vendorData })}`,
    );
    expect(api.status()).toBe(200);
    expect((await api.json()).vendorData).toBe(vendorData);

    await page.goto(`/?${new URLSearchParams({ search: vendorData })}`);
    const row = userRows(page)
      .filter({ hasText: vendorData.slice(0, 30) })
      .first();
    await row.click();
    const panel = page.getByRole("dialog");
    await expect(panel.getByText(vendorData, { exact: true }).first()).toBeVisible();
    // The single-user record loaded (no export started, no error shown).
    await expect(panel.getByText("Updated", { exact: true })).toBeVisible();
    await expect(panel.getByRole("alert")).toHaveCount(0);
  });
}

test("the user whose vendor_data is '..' opens, and the panel says why Didit cannot be asked", async ({
  page,
}) => {
  const api = await page.request.get("/api/users/detail?vendor_data=..");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.message).toContain("cannot address");

  await page.goto("/?search=..");
  const row = userRows(page).filter({ hasText: ".." }).first();
  await row.click();
  // Said where the record would be (and again by the history, which also asks for comments).
  await expect(page.getByRole("dialog").getByRole("alert").first()).toContainText(
    "Didit's API cannot address a user whose vendor data is “.” or “..”",
  );
});

test("a path that is not UTF-8 gets a JSON 400, not the framework's 500", async ({ request }) => {
  for (const path of ["/api/users/%FF", "/api/users/detail/%C3%28", "/%FF"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_path" } });
  }
});

test("a missing or over-long reference is a 400 naming the parameter", async ({ request }) => {
  for (const query of ["", "?vendor_data=", `?vendor_data=${"y".repeat(201)}`]) {
    const response = await request.get(`/api/users/detail${query}`);
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { fields: { vendor_data: expect.any(String) } },
    });
  }
});
