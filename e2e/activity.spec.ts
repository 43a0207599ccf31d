import { expect, type Page, test } from "@playwright/test";

const REASON = "Document verified manually";

interface ListedUser {
  id: string;
  vendorData: string | null;
}

/** A flagged user Didit can address (with vendor data), made Active through the decisions API. */
async function decideOnAFlaggedUser(page: Page, baseURL: string): Promise<ListedUser> {
  const listed = await page.request.get("/api/users?status=FLAGGED&limit=20");
  expect(listed.ok()).toBe(true);
  const { results } = (await listed.json()) as { results: ListedUser[] };
  const user = results.find((candidate) => candidate.vendorData !== null);
  if (!user) throw new Error("the sandbox has no flagged user with vendor data on its first page");
  const decided = await page.request.post("/api/decisions", {
    data: {
      users: [{ id: user.id, vendorData: user.vendorData, status: "FLAGGED" }],
      status: "ACTIVE",
      reason: REASON,
    },
    // State-changing requests must come from the inbox's own origin.
    headers: { origin: new URL(baseURL).origin },
  });
  expect(decided.ok()).toBe(true);
  const body = (await decided.json()) as { results: { outcome: string }[] };
  expect(body.results[0]?.outcome).toBe("done");
  return user;
}

test("a decision shows on /activity, and its filters live in the URL", async ({
  page,
  baseURL,
}, testInfo) => {
  const user = await decideOnAFlaggedUser(page, baseURL ?? "");

  // The inbox's header leads to the trail, and the trail back to the inbox.
  await page.goto("/");
  await page.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Review inbox" })).toHaveAttribute("href", "/");

  const table = page.getByRole("table", { name: "Activity" });
  // The outcome row (done), not only the intent (pending): both carry the reason.
  const decision = table
    .getByRole("row")
    .filter({ hasText: REASON })
    .filter({ hasText: "Done" })
    .filter({ hasText: user.vendorData ?? "" });
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText("Local analyst");
  await expect(decision).toContainText("no sign-in (local, loopback only)");
  await expect(decision).toContainText("Status change");
  // Local time on screen, UTC on hover.
  await expect(decision.locator("time")).toHaveAttribute(
    "title",
    /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
  );

  await testInfo.attach("activity-1280x800-light", {
    body: await page.screenshot({ path: testInfo.outputPath("activity-1280-light.png") }),
    contentType: "image/png",
  });
  // The page follows the system theme while open, as the inbox does.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await testInfo.attach("activity-1280x800-dark", {
    body: await page.screenshot({ path: testInfo.outputPath("activity-1280-dark.png") }),
    contentType: "image/png",
  });
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/dark/);

  // Filters: an outcome keeps the decision; the user field commits on Enter.
  await page.getByLabel("Outcome").selectOption("done");
  await expect(page).toHaveURL(/outcome=done/);
  await expect(decision).toHaveCount(1);
  await page.getByLabel("User").fill(user.vendorData ?? "");
  await page.getByLabel("User").press("Enter");
  await expect(page).toHaveURL(/user=/);
  await expect(decision).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/^1–\d+ of \d+/);

  // The export carries the same filters, not the page position.
  const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(exportHref).toMatch(/^\/api\/activity\/export\?/);
  expect(exportHref).toContain("outcome=done");

  // A window of days long past holds nothing.
  await page.getByLabel("From day").fill("2020-01-01");
  await page.getByLabel("To day").fill("2020-01-02");
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(page).toHaveURL(/to=2020-01-02/);
  await expect(page.getByText("No activity matches these filters")).toBeVisible();

  // A reload (or a bookmark) is the same view.
  await page.reload();
  await expect(page.getByText("No activity matches these filters")).toBeVisible();
  await expect(page.getByLabel("Outcome")).toHaveValue("done");
  await expect(page.getByLabel("User")).toHaveValue(user.vendorData ?? "");
  await expect(page.getByLabel("From day")).toHaveValue("2020-01-01");
  await expect(page.getByLabel("To day")).toHaveValue("2020-01-02");

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(decision).toHaveCount(1);
});

test("usable on a 390-px-wide phone", async ({ page, baseURL }, testInfo) => {
  await decideOnAFlaggedUser(page, baseURL ?? "");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/activity");
  await expect(
    page.getByRole("table", { name: "Activity" }).getByText(REASON).first(),
  ).toBeVisible();
  await testInfo.attach("activity-390-phone", {
    body: await page.screenshot({ path: testInfo.outputPath("activity-390.png"), fullPage: true }),
    contentType: "image/png",
  });
});
