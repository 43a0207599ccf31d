import { expect, test } from "@playwright/test";
import { PASSCODE_URL } from "./servers";

const API_ROUTES = [
  "/api/users",
  "/api/users?status=FLAGGED",
  "/api/users/detail?vendor_data=user-abc-123",
  "/api/admin/sessions",
  "/api/exports/users?status=FLAGGED",
];
const PAGES = ["/", "/?status=FLAGGED&country=ESP"];
const BYPASS_HEADERS: Array<Record<string, string>> = [
  {},
  // The header behind CVE-2025-29927: it must not skip any check.
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { cookie: "inbox_session=Fe26.2**forged**cookie" },
];

test.describe("nobody unsigned reads anything", () => {
  for (const headers of BYPASS_HEADERS) {
    const label =
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join(", ") || "no headers";
    test(`API routes answer 401 JSON (${label})`, async ({ request }) => {
      for (const route of API_ROUTES) {
        const response = await request.get(`${PASSCODE_URL}${route}`, { headers });
        expect(response.status(), route).toBe(401);
        expect((await response.json()).error.code).toBe("unauthenticated");
      }
    });

    test(`pages redirect to sign-in (${label})`, async ({ request }) => {
      for (const path of PAGES) {
        const response = await request.get(`${PASSCODE_URL}${path}`, { headers, maxRedirects: 0 });
        expect(response.status(), path).toBeGreaterThanOrEqual(300);
        expect(response.status(), path).toBeLessThan(400);
        const location = response.headers().location ?? "";
        expect(location).toContain(`/sign-in?next=${encodeURIComponent(path)}`);
      }
    });
  }
});
