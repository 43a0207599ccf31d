import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { userRows } from "./helpers";
import { E2E_PASSCODE, PASSCODE_URL } from "./servers";

test.describe("passcode sign-in", () => {
  test("a bookmark survives signing in, and signing out ends the session", async ({ page }) => {
    await page.goto(`${PASSCODE_URL}/?status=FLAGGED&country=ESP`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Name").fill("Ana Analyst");
    await page.getByLabel("Passcode").fill(E2E_PASSCODE);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`${PASSCODE_URL}/?status=FLAGGED&country=ESP`);
    await expect(page.getByTestId("analyst-name")).toHaveText("Ana Analyst");
    await expect(page.getByRole("radio", { name: "Flagged" })).toBeChecked();
    await expect(userRows(page).first()).toBeVisible();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const api = await page.request.get(`${PASSCODE_URL}/api/users`);
    expect(api.status()).toBe(401);
    await page.goto(`${PASSCODE_URL}/`);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("after sign-in, a crafted next= stays on the inbox", async ({ page }) => {
    const crafted = "/.//evil.example/phish";
    await page.goto(`${PASSCODE_URL}/sign-in?next=${encodeURIComponent(crafted)}`);
    await page.getByLabel("Name").fill("Ana Analyst");
    await page.getByLabel("Passcode").fill(E2E_PASSCODE);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${PASSCODE_URL}/`);

    // Signed in already: the sign-in page redirects at once, and still only to this app.
    for (const next of [crafted, "/a/..//evil.example", "/%2e//evil.example"]) {
      await page.goto(`${PASSCODE_URL}/sign-in?next=${encodeURIComponent(next)}`);
      await expect(page).toHaveURL(`${PASSCODE_URL}/`);
    }
  });

  test("a wrong passcode is refused with a message", async ({ page }) => {
    await page.goto(`${PASSCODE_URL}/sign-in`);
    await page.getByLabel("Name").fill("Someone");
    await page.getByLabel("Passcode").fill("not-the-passcode-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "passcode" })).toHaveText(
      "That passcode is not right.",
    );
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("five failures from one client lock it out for a minute", async ({ request }) => {
    // A client address of this run's own (in the documentation range): the lockout is per client
    // and lasts a minute, so a fixed address would find itself still locked out by a run or a
    // repeat a moment earlier, and the first guess would be a 429 instead of a 401.
    const client = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    const attempt = (passcode: string) =>
      request.post(`${PASSCODE_URL}/api/auth/sign-in`, {
        headers: { origin: PASSCODE_URL, "x-forwarded-for": client },
        data: { name: "Guesser", passcode },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status()).toBe(401);
    const locked = await attempt(E2E_PASSCODE);
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  });

  test("a sign-in from another site is refused", async ({ request }) => {
    const response = await request.post(`${PASSCODE_URL}/api/auth/sign-in`, {
      headers: { origin: "https://evil.test" },
      data: { name: "X", passcode: E2E_PASSCODE },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });
});
