import { expect, test } from "@playwright/test";
import { chooseStatus, waitForInteractive } from "./helpers";

test("pages and API responses carry the security headers", async ({ request }) => {
  const page = await request.get("/");
  const headers = page.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toMatch(/img-src [^;]*amazonaws\.com/);
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["access-control-allow-origin"]).toBeUndefined();

  // A new nonce for every response.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  const api = await request.get("/api/users?limit=1", { headers: { origin: "https://evil.test" } });
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(api.headers()["referrer-policy"]).toBe("no-referrer");
  expect(api.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(api.headers()["access-control-allow-origin"]).toBeUndefined();
});

test("the page runs under its CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByRole("table")).toBeVisible();
  // Hydrated (the tab counts are fetched by the client), then a client-side interaction works.
  await waitForInteractive(page);
  await chooseStatus(page, "Flagged");
  await expect(page).toHaveURL(/status=FLAGGED/);
  expect(violations).toEqual([]);
});
