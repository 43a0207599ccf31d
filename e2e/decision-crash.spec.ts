import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { ActivityEvent, ActivityPage } from "../lib/api/types";
import { eventually, startAppProcess } from "./app-process";
import { E2E_DIDIT_KEY, FAKE_DIDIT_PORT, SANDBOX_PORT } from "./servers";

const FAKE = `http://127.0.0.1:${FAKE_DIDIT_PORT}`;
const PORT = SANDBOX_PORT + 10;

/**
 * A decision must never happen at Didit without an audit event. Here the server is killed
 * (SIGKILL: no shutdown of any kind) while Didit is making the change; after a restart on the
 * same store, the trail holds the intent and, reconciled against Didit, its real outcome.
 */
test("a decision interrupted by a crash is on the trail with its real outcome after a restart", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-crash-"));
  const env = {
    DIDIT_API_KEY: E2E_DIDIT_KEY,
    DIDIT_API_BASE_URL: FAKE,
    INBOX_AUTH: "none",
    INBOX_DATA_DIR: dataDir,
    DIDIT_TIMEOUT_MS: "60000",
    DIDIT_DEADLINE_MS: "60000",
  };
  const flagged = (await (
    await fetch(`${FAKE}/v3/users/?status=FLAGGED&limit=1&offset=7`, {
      headers: { "x-api-key": E2E_DIDIT_KEY },
    })
  ).json()) as { results: { didit_internal_id: string; vendor_data: string }[] };
  const user = flagged.results[0];
  if (!user) throw new Error("the fake Didit has no flagged user");
  const vendorData = user.vendor_data;
  await fetch(`${FAKE}/__e2e/write-fault?vendorData=${encodeURIComponent(vendorData)}`, {
    method: "POST",
    body: JSON.stringify({ hang: true }),
  });

  const first = startAppProcess("crash-first", PORT, env);
  let second: ReturnType<typeof startAppProcess> | undefined;
  try {
    await first.ready();
    void fetch(`${first.url}/api/decisions`, {
      method: "POST",
      headers: { origin: first.url, "content-type": "application/json" },
      body: JSON.stringify({
        users: [{ id: user.didit_internal_id, vendorData, status: "FLAGGED" }],
        status: "ACTIVE",
        reason: "Document verified manually",
      }),
    }).catch(() => undefined);
    // Didit has the PATCH (and makes the change); its answer never comes.
    await eventually(
      async () =>
        (await (
          await fetch(`${FAKE}/__e2e/writes?vendorData=${encodeURIComponent(vendorData)}`)
        ).json()) as unknown[],
      (writes) => writes.length === 1,
    );
    await first.kill("SIGKILL");

    second = startAppProcess("crash-second", PORT, env);
    await second.ready();
    const trail = await eventually(
      async () =>
        (await (
          await fetch(
            `${second?.url}/api/activity?action=status.change&user=${encodeURIComponent(vendorData)}`,
          )
        ).json()) as ActivityPage,
      (page) => page.events.some((event) => event.outcomeCode === "reconciled"),
    );
    const intent = trail.events.find((event) => event.outcome === "pending") as ActivityEvent;
    const outcome = trail.events.find((event) => event.outcomeCode === "reconciled");
    expect(intent).toMatchObject({
      analyst: { name: "Local analyst" },
      statusBefore: "FLAGGED",
      statusAfter: "ACTIVE",
      reason: "Document verified manually",
    });
    expect(outcome).toMatchObject({
      intentId: intent.id,
      outcome: "done",
      details: { reconciled: true, observedStatus: "ACTIVE" },
    });
  } finally {
    await fetch(`${FAKE}/__e2e/write-fault?vendorData=${encodeURIComponent(vendorData)}`, {
      method: "POST",
      body: "{}",
    });
    await first.kill("SIGKILL");
    await second?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
