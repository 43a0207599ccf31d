import { expect, test } from "@playwright/test";

/**
 * Didit tells the inbox of changes by signed webhook, and the built-in sandbox does the same: a
 * status change there comes back to the inbox as a `user.status.updated` delivery, recorded on
 * the trail as Didit's and pushed to open pages. (Signatures, freshness and replays are checked
 * in app/api/webhooks/didit/route.test.ts.)
 */
test("a status change in the sandbox comes back as Didit's webhook, live on an open /activity", async ({
  page,
  baseURL,
}) => {
  const listed = await page.request.get("/api/users?status=FLAGGED&limit=20&offset=40");
  const { results } = (await listed.json()) as {
    results: { id: string; vendorData: string | null }[];
  };
  const user = results.find((candidate) => candidate.vendorData !== null);
  if (!user?.vendorData) throw new Error("no flagged sandbox user with vendor data");

  await page.goto(`/activity?user=${encodeURIComponent(user.vendorData)}`);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  const decided = await page.request.post("/api/decisions", {
    data: {
      users: [{ id: user.id, vendorData: user.vendorData, status: "FLAGGED" }],
      status: "BLOCKED",
      reason: "Duplicate account",
    },
    headers: { origin: new URL(baseURL ?? "").origin },
  });
  expect(decided.ok()).toBe(true);

  // No reload: the page hears of it.
  const fromDidit = page
    .getByRole("table", { name: "Activity" })
    .getByRole("row")
    .filter({ hasText: "Changed in Didit" });
  await expect(fromDidit).toHaveCount(1);
  await expect(fromDidit).toContainText("Didit");
  await expect(fromDidit).toContainText("reported by Didit (signed webhook)");
  await expect(fromDidit).toContainText("Flagged");
  await expect(fromDidit).toContainText("Blocked");
});
