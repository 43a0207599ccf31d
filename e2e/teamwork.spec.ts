import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import type { Workspace } from "../lib/api/types";
import { startAppProcess } from "./app-process";
import type { RecordedWrite } from "./fake-didit";
import { cellIn, expectSettled, userRows } from "./helpers";
import {
  E2E_DIDIT_KEY,
  E2E_PASSCODE,
  E2E_SESSION_SECRET,
  FAKE_DIDIT_PORT,
  PASSCODE_URL,
  RESTART_PORT,
  TEAM_A_URL,
  TEAM_B_URL,
} from "./servers";

/**
 * Two analysts, each in a browser of their own, see each other's claims, notes and decisions
 * without a reload: on one instance (embedded store, in-process events), and on two instances
 * that share one PostgreSQL (events through LISTEN/NOTIFY). How long that takes is measured by
 * `npm run bench`, not asserted here. The two-instance team has four-eyes blocking on.
 */

const FAKE = `http://127.0.0.1:${FAKE_DIDIT_PORT}`;
const hasPostgres = (process.env.E2E_POSTGRES ?? "1") !== "0";

async function writesFor(vendorData: string): Promise<RecordedWrite[]> {
  const response = await fetch(`${FAKE}/__e2e/writes?vendorData=${encodeURIComponent(vendorData)}`);
  return (await response.json()) as RecordedWrite[];
}

/** A browser of the analyst's own, signed in through the real sign-in route. */
async function analyst(browser: Browser, base: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const response = await context.request.post(`${base}/api/auth/sign-in`, {
    headers: { origin: base, "x-forwarded-for": `198.51.100.${name.length}` },
    data: { name, passcode: E2E_PASSCODE },
  });
  expect(response.status()).toBe(200);
  return context.newPage();
}

/** The inbox at `view`, with the event stream connected (so nothing sent later is missed). */
async function openInbox(page: Page, base: string, view: string) {
  await page.goto(`${base}/${view}`);
  await expectSettled(page);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
}

/**
 * The index-th row from `from` on; with `decidable`, the first from there whose user has
 * `vendor_data` (only those can be changed through Didit).
 */
async function rowAt(page: Page, from: number, decidable = false) {
  for (let index = from; ; index++) {
    const row = userRows(page).nth(index);
    const id = (await row.getAttribute("data-user-id")) ?? "";
    const text = ((await (await cellIn(page, row, "Vendor data")).textContent()) ?? "").trim();
    const vendorData = text === "—" ? null : text;
    if (decidable && vendorData === null) continue;
    return { id, vendorData, row: page.locator(`tr[data-user-id="${id}"]`) };
  }
}

async function count(page: Page, tab: "flagged" | "active") {
  const text = (await page.getByTestId(`count-${tab}`).textContent()) ?? "";
  return Number(text.replaceAll(",", "").replace("+", ""));
}

for (const [setup, baseA, baseB, offset] of [
  ["one instance", PASSCODE_URL, PASSCODE_URL, 100],
  ["two instances on one PostgreSQL", TEAM_A_URL, TEAM_B_URL, 120],
] as const) {
  test.describe(`two analysts, ${setup}`, () => {
    test.skip(
      setup !== "one instance" && !hasPostgres,
      "PostgreSQL's server is not installed here",
    );

    test("a claim by one shows as a chip for the other, in the table and the panel", async ({
      browser,
    }) => {
      const [ana, ben] = await Promise.all([
        analyst(browser, baseA, "Ana Claimer"),
        analyst(browser, baseB, "Ben Watcher"),
      ]);
      const view = `?status=FLAGGED&offset=${offset}`;
      await Promise.all([openInbox(ana, baseA, view), openInbox(ben, baseB, view)]);
      const target = await rowAt(ana, 2);

      await target.row.click();
      const panel = ana.getByRole("dialog").first();
      await panel.getByRole("button", { name: "Claim", exact: true }).click();
      await expect(panel.getByTestId("claim-chip")).toHaveText("In review by Ana Claimer");
      await expect(panel.getByRole("button", { name: "Release", exact: true })).toBeVisible();

      const benRow = ben.locator(`tr[data-user-id="${target.id}"]`);
      await expect(benRow.getByTestId("claim-chip")).toHaveText("In review by Ana Claimer");
      await benRow.click();
      const benPanel = ben.getByRole("dialog").first();
      await expect(benPanel.getByTestId("claim-chip")).toHaveText("In review by Ana Claimer");

      // Claiming it too asks first; taking it over is what Ana then sees.
      await benPanel.getByRole("button", { name: "Claim", exact: true }).click();
      await expect(benPanel.getByRole("alert")).toContainText("In review by Ana Claimer");
      await benPanel.getByRole("button", { name: "Take over", exact: true }).click();
      await expect(benPanel.getByTestId("claim-chip")).toHaveText("In review by Ben Watcher");
      await expect(panel.getByTestId("claim-chip")).toHaveText("In review by Ben Watcher");

      await benPanel.getByRole("button", { name: "Release", exact: true }).click();
      await expect(
        ana.locator(`tr[data-user-id="${target.id}"]`).getByTestId("claim-chip"),
      ).toHaveCount(0);

      await ana.goto(`${baseA}/activity?user=${target.id}`);
      const trail = ana.getByRole("table", { name: "Activity" });
      await expect(trail.getByRole("row").filter({ hasText: "Ben Watcher" }).first()).toBeVisible();
      await expect(trail.getByText("Took over a claim").first()).toBeVisible();
      await Promise.all([ana.context().close(), ben.context().close()]);
    });

    test("a note by one shows in the other's open panel, and its count in the table", async ({
      browser,
    }) => {
      const [ana, ben] = await Promise.all([
        analyst(browser, baseA, "Ana Noter"),
        analyst(browser, baseB, "Ben Reader"),
      ]);
      const view = `?status=FLAGGED&offset=${offset}`;
      await Promise.all([openInbox(ana, baseA, view), openInbox(ben, baseB, view)]);
      const target = await rowAt(ana, 4);
      await ben.locator(`tr[data-user-id="${target.id}"]`).click();
      const benPanel = ben.getByRole("dialog").first();
      await expect(benPanel.getByText("No notes yet.")).toBeVisible();

      await target.row.click();
      const panel = ana.getByRole("dialog").first();
      // Always text: markup in a note is shown as typed.
      const note = `Called the user <b>${setup}</b>; documents arrive Monday.`;
      await panel.getByRole("textbox", { name: "Note", exact: true }).fill(note);
      await panel.getByRole("button", { name: "Add note", exact: true }).click();

      const notes = benPanel.getByRole("list", { name: "Notes" });
      await expect(notes.getByText(note, { exact: true })).toBeVisible();
      await expect(notes).toContainText("Ana Noter");
      // And in the user's timeline, among decisions and Didit's comments.
      await expect(benPanel.getByText(`“${note}”`)).toBeVisible();
      await ben.keyboard.press("Escape");
      await expect(ben.locator(`tr[data-user-id="${target.id}"]`)).toContainText("1 note");
      await Promise.all([ana.context().close(), ben.context().close()]);
    });

    test("a decision by one moves the row and the counts on the other's screen", async ({
      browser,
    }) => {
      const [ana, ben] = await Promise.all([
        analyst(browser, baseA, "Ana Decider"),
        analyst(browser, baseB, "Ben Onlooker"),
      ]);
      const view = `?status=FLAGGED&offset=${offset + 10}`;
      await Promise.all([openInbox(ana, baseA, view), openInbox(ben, baseB, view)]);
      await expect(ben.getByTestId("count-flagged")).not.toHaveText("·");
      const flaggedBefore = await count(ben, "flagged");
      const target = await rowAt(ana, 0, true);
      await expect(ben.locator(`tr[data-user-id="${target.id}"]`)).toHaveCount(1);

      await target.row.click();
      await ana
        .getByRole("dialog")
        .first()
        .getByRole("button", { name: "Set active", exact: true })
        .click();
      const dialog = ana.getByRole("dialog", { name: /^Set .+ active$/ });
      await dialog.getByRole("button", { name: "Document verified manually" }).click();
      await dialog.getByRole("button", { name: "Confirm", exact: true }).click();

      await expect(ben.locator(`tr[data-user-id="${target.id}"]`)).toHaveCount(0);
      await expect(ben.getByTestId("count-flagged")).toHaveText(
        (flaggedBefore - 1).toLocaleString("en-US"),
      );
      await Promise.all([ana.context().close(), ben.context().close()]);
    });
  });
}

test("n skips the users others have claimed, across pages, and My claims lists one's own", async ({
  browser,
}) => {
  const [ana, ben] = await Promise.all([
    analyst(browser, PASSCODE_URL, "Ana Next"),
    analyst(browser, PASSCODE_URL, "Ben Busy"),
  ]);
  await openInbox(ana, PASSCODE_URL, "?status=FLAGGED&offset=200&limit=25");
  const ids = await userRows(ana).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute("data-user-id") ?? ""),
  );
  // Ben holds every user on the page after the first.
  for (const id of ids.slice(1)) {
    const response = await ben.request.post(`${PASSCODE_URL}/api/claims`, {
      headers: { origin: PASSCODE_URL },
      data: { userId: id, vendorData: null },
    });
    expect(response.status()).toBe(200);
  }
  const last = ana.locator(`tr[data-user-id="${ids.at(-1)}"]`);
  await expect(last.getByTestId("claim-chip")).toHaveText("In review by Ben Busy");

  await userRows(ana).first().click();
  const panel = ana.getByRole("dialog").first();
  await expect(panel).toBeVisible();
  await ana.keyboard.press("n");
  // The next unclaimed user is the first of the next page.
  await expect(ana).toHaveURL(/offset=225/);
  await expect(ana.getByText("User 1 of 25 on this page")).toBeVisible();
  await ana.keyboard.press("c");
  await expect(panel.getByTestId("claim-chip")).toHaveText("In review by Ana Next");
  const claimed = new URL(ana.url()).searchParams.get("user") ?? "";

  await ana.keyboard.press("Escape");
  await ana.getByRole("link", { name: "My claims" }).click();
  const queue = ana.getByRole("region", { name: "My claims" });
  await expect(queue).toContainText("1 user");
  await expect(userRows(ana)).toHaveCount(1);
  await expect(ana.locator(`tr[data-user-id="${claimed}"]`)).toHaveCount(1);
  await Promise.all([ana.context().close(), ben.context().close()]);
});

test.describe("four-eyes blocking, across two instances", () => {
  test.skip(!hasPostgres, "PostgreSQL's server is not installed here");

  test("a block waits for a second reviewer, who alone can send it to Didit", async ({
    browser,
  }) => {
    const [ana, ben] = await Promise.all([
      analyst(browser, TEAM_A_URL, "Ana Proposer"),
      analyst(browser, TEAM_B_URL, "Ben Approver"),
    ]);
    const view = "?status=FLAGGED&offset=150";
    await Promise.all([openInbox(ana, TEAM_A_URL, view), openInbox(ben, TEAM_B_URL, view)]);
    const target = await rowAt(ana, 0, true);
    const vendorData = target.vendorData ?? "";

    await target.row.click();
    const panel = ana.getByRole("dialog").first();
    await panel.getByRole("button", { name: "Block", exact: true }).click();
    const dialog = ana.getByRole("dialog", { name: /^Block / });
    await dialog.getByLabel("Reason").fill("Same document as a blocked account");
    await dialog.getByRole("button", { name: "Confirm", exact: true }).click();

    // Recorded as pending; nothing reached Didit, and the user is still flagged.
    await expect(panel.getByText("Block proposed by Ana Proposer")).toBeVisible();
    await expect(
      panel.getByText("Same document as a blocked account", { exact: true }),
    ).toBeVisible();
    await expect(panel.getByRole("button", { name: "Approve" })).toHaveCount(0);
    expect(await writesFor(vendorData)).toEqual([]);
    await expect(target.row).toHaveCount(1);

    // The proposer's own approval is refused by the API too.
    const workspace = (await (
      await ana.request.get(`${TEAM_A_URL}/api/workspace?ids=${target.id}`)
    ).json()) as Workspace;
    const proposal = workspace.proposals[target.id];
    if (!proposal) throw new Error("no pending proposal for the user");
    const own = await ana.request.post(`${TEAM_A_URL}/api/proposals/${proposal.id}`, {
      headers: { origin: TEAM_A_URL },
      data: { action: "approve" },
    });
    expect(own.status()).toBe(403);
    expect(((await own.json()) as { error: { code: string } }).error.code).toBe("own_proposal");
    expect(await writesFor(vendorData)).toEqual([]);

    // The other reviewer, on the other instance, sees it and finds it in the approval queue.
    const benRow = ben.locator(`tr[data-user-id="${target.id}"]`);
    await expect(benRow).toContainText("Block proposed by Ana Proposer");
    await ben.getByRole("link", { name: "Awaiting approval" }).click();
    await expect(ben).toHaveURL(/queue=approval/);
    await ben.locator(`tr[data-user-id="${target.id}"]`).click();
    const benPanel = ben.getByRole("dialog").first();
    await benPanel.getByRole("button", { name: "Approve", exact: true }).click();

    await expect
      .poll(() => writesFor(vendorData))
      .toEqual([
        expect.objectContaining({
          method: "PATCH",
          apiKey: E2E_DIDIT_KEY,
          body: { status: "BLOCKED", reason: "Same document as a blocked account" },
        }),
      ]);
    // Blocked now, the user leaves Ana's Flagged view.
    await expect(target.row).toHaveCount(0);

    await ben.goto(`${TEAM_B_URL}/activity?user=${target.id}`);
    const trail = ben.getByRole("table", { name: "Activity" });
    const change = trail.getByRole("row").filter({ hasText: "Proposed by Ana Proposer" });
    await expect(change.first()).toContainText("Ben Approver");
    await expect(trail.getByRole("row").filter({ hasText: "Ana Proposer" }).first()).toBeVisible();
    await Promise.all([ana.context().close(), ben.context().close()]);
  });
});

test("the stream reconnects after a server restart and carries what happens next", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-restart-"));
  const env = {
    DIDIT_API_KEY: E2E_DIDIT_KEY,
    DIDIT_API_BASE_URL: FAKE,
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: E2E_PASSCODE,
    INBOX_SESSION_SECRET: E2E_SESSION_SECRET,
    INBOX_DATA_DIR: dataDir,
  };
  let app = startAppProcess("restart-first", RESTART_PORT, env);
  try {
    await app.ready();
    const [ana, ben] = await Promise.all([
      analyst(browser, app.url, "Ana Restart"),
      analyst(browser, app.url, "Ben Restart"),
    ]);
    await openInbox(ben, app.url, "?status=FLAGGED&offset=60");
    const target = await rowAt(ben, 1);

    await app.kill("SIGTERM");
    await expect(ben.getByTestId("live-state")).toHaveAttribute("data-state", "reconnecting");
    app = startAppProcess("restart-second", RESTART_PORT, env);
    await app.ready();
    // The session lives in the store, so the same browser is let back in.
    await expect(ben.getByTestId("live-state")).toHaveAttribute("data-state", "live", {
      timeout: 60_000,
    });

    const claim = await ana.request.post(`${app.url}/api/claims`, {
      headers: { origin: app.url },
      data: { userId: target.id, vendorData: target.vendorData },
    });
    expect(claim.status()).toBe(200);
    await expect(target.row.getByTestId("claim-chip")).toHaveText("In review by Ana Restart");
    await Promise.all([ana.context().close(), ben.context().close()]);
  } finally {
    await app.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
