import { expect, type Page, test } from "@playwright/test";
import { userRows } from "./helpers";
import { OIDC_APP_URL, OIDC_PROVIDER_URL } from "./servers";

/**
 * Signing in through a real OpenID Connect provider (oidc-provider, started by global-setup)
 * whose development login page takes any login and password. The app lets in example.com only.
 */

test.beforeEach(async ({ context }) => {
  // The provider's development pages load a web font; the tests must not depend on the internet.
  await context.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
});

/** From the app's sign-in page, through the provider's login (and consent, if asked). */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("link", { name: "Sign in with your organisation" }).click();
  await expect(page).toHaveURL((url) => url.href.startsWith(`${OIDC_PROVIDER_URL}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password at all");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // The provider asks for consent the first time an account meets the app; click through it
  // whenever it shows, until the browser is back at the app.
  const consent = page.getByRole("button", { name: "Continue" });
  const backAtApp = () => page.url().startsWith(`${OIDC_APP_URL}/`);
  await expect(async () => {
    if (!backAtApp() && (await consent.isVisible())) await consent.click();
    expect(backAtApp()).toBe(true);
  }).toPass({ intervals: [100, 250, 500] });
}

test.describe("OpenID Connect sign-in", () => {
  test("a bookmark survives signing in at the organisation's provider", async ({ page }) => {
    await page.goto(`${OIDC_APP_URL}/?status=FLAGGED`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);

    await signInAtProvider(page, "alice");

    await expect(page).toHaveURL(`${OIDC_APP_URL}/?status=FLAGGED`);
    await expect(page.getByTestId("analyst-name")).toHaveText("Alice");
    await expect(page.getByRole("radio", { name: "Flagged" })).toBeChecked();
    await expect(userRows(page).first()).toBeVisible();
  });

  test("somebody outside the allowed domains is refused", async ({ page }) => {
    await page.goto(`${OIDC_APP_URL}/`);
    await expect(page).toHaveURL(/\/sign-in/);

    await signInAtProvider(page, "mallory@evil.test");

    await expect(page).toHaveURL(`${OIDC_APP_URL}/sign-in?error=not_allowed`);
    await expect(page.getByText("Your account is not allowed to use this inbox.")).toBeVisible();
    const api = await page.request.get(`${OIDC_APP_URL}/api/users`);
    expect(api.status()).toBe(401);
  });

  test("a callback without the sign-in cookie fails cleanly", async ({ page, request }) => {
    const response = await request.get(`${OIDC_APP_URL}/api/auth/oidc/callback?code=x&state=y`, {
      maxRedirects: 0,
    });
    expect([302, 303]).toContain(response.status());
    expect(response.headers().location).toBe(`${OIDC_APP_URL}/sign-in?error=oidc_failed`);

    await page.goto(`${OIDC_APP_URL}/api/auth/oidc/callback?code=x&state=y`);
    await expect(page).toHaveURL(`${OIDC_APP_URL}/sign-in?error=oidc_failed`);
    await expect(page.getByText("Sign-in failed. Try again.")).toBeVisible();
  });

  test("a callback URL cannot be used twice", async ({ page }) => {
    await page.goto(`${OIDC_APP_URL}/sign-in`);
    const callback = page.waitForRequest((req) => req.url().includes("/api/auth/oidc/callback?"));
    await signInAtProvider(page, "bob");
    await expect(page.getByTestId("analyst-name")).toHaveText("Bob");

    await page.goto((await callback).url());
    await expect(page).toHaveURL(`${OIDC_APP_URL}/sign-in?error=oidc_failed`);
  });

  test("the start route asks for the code flow with PKCE, state and nonce", async ({ request }) => {
    const response = await request.get(
      `${OIDC_APP_URL}/api/auth/oidc/start?next=${encodeURIComponent("/?status=FLAGGED")}`,
      { maxRedirects: 0 },
    );
    expect([302, 303]).toContain(response.status());
    const location = new URL(response.headers().location ?? "");
    expect(location.origin).toBe(OIDC_PROVIDER_URL);
    const params = location.searchParams;
    expect(params.get("response_type")).toBe("code");
    expect(params.get("client_id")).toBe("inbox-e2e");
    expect(params.get("redirect_uri")).toBe(`${OIDC_APP_URL}/api/auth/oidc/callback`);
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();
    // The return path stays in the sealed cookie: the provider never sees it.
    expect(location.href).not.toContain("FLAGGED");

    const cookie = response.headers()["set-cookie"] ?? "";
    expect(cookie).toMatch(/^inbox_oidc=Fe26\.2\*/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
  });
});

test.describe("roles from the provider's groups claim", () => {
  test("a viewer reads, sees no decision controls, and the API refuses them 403", async ({
    page,
  }) => {
    await page.goto(`${OIDC_APP_URL}/?status=FLAGGED`);
    await signInAtProvider(page, "viewer.vic");
    await expect(page.getByTestId("analyst-role")).toHaveText("Viewer");
    await expect(userRows(page).first()).toBeVisible();
    const table = page.getByRole("table", { name: "Users" });
    await expect(table.getByRole("checkbox", { name: /^Select/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /export/i })).toHaveCount(0);

    await userRows(page).first().click();
    const panel = page.getByRole("dialog");
    await expect(panel.getByText("Read only: your role (viewer)")).toBeVisible();
    await expect(panel.getByRole("button", { name: /^(block|flag|set active)/i })).toHaveCount(0);
    await page.keyboard.press("b");
    await expect(page.getByRole("dialog", { name: /reason|block/i })).toHaveCount(0);

    const decision = await page.request.post(`${OIDC_APP_URL}/api/decisions`, {
      headers: { origin: OIDC_APP_URL },
      data: { users: [{ id: "x", vendorData: "x" }], status: "BLOCKED", reason: "Not allowed" },
    });
    expect(decision.status()).toBe(403);
    expect(await decision.json()).toMatchObject({ error: { code: "forbidden_role" } });
    const csv = await page.request.get(`${OIDC_APP_URL}/api/exports/users`);
    expect(csv.status()).toBe(403);
  });

  test("an admin sees who is signed in and ends an analyst's sessions", async ({
    page,
    browser,
  }) => {
    const other = await browser.newContext();
    await other.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
    const bob = await other.newPage();
    await bob.goto(`${OIDC_APP_URL}/`);
    await signInAtProvider(bob, "bob.builder");
    await expect(bob.getByTestId("analyst-role")).toHaveText("Reviewer");
    expect((await bob.request.get(`${OIDC_APP_URL}/api/users?limit=1`)).status()).toBe(200);

    await page.goto(`${OIDC_APP_URL}/`);
    await signInAtProvider(page, "admin.ada");
    await expect(page.getByTestId("analyst-role")).toHaveText("Admin");
    await page.getByRole("link", { name: "Sessions" }).click();
    await expect(page.getByRole("heading", { name: "Sessions" })).toBeVisible();
    const table = page.getByRole("table", { name: "Sessions" });
    await expect(table.getByText("Bob Builder")).toBeVisible();
    await expect(table.getByText("(this session)")).toBeVisible();

    await page.getByRole("button", { name: "End all sessions of Bob Builder" }).click();
    await expect(table.getByText("Bob Builder")).toHaveCount(0);
    expect((await bob.request.get(`${OIDC_APP_URL}/api/users?limit=1`)).status()).toBe(401);
    await other.close();
  });
});
