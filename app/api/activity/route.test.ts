import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivityPage, UserActivity } from "@/lib/api/types";

const BASE = "http://127.0.0.1:3000";
let dataDir: string;
let list: (request: NextRequest) => Promise<Response>;
let exportCsv: (request: NextRequest) => Promise<Response>;
let history: (
  request: NextRequest,
  segment: { params: Promise<{ id: string }> },
) => Promise<Response>;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "inbox-activity-"));
  Object.assign(process.env, {
    DIDIT_API_KEY: "test-key-0123456789",
    INBOX_AUTH: "none",
    DIDIT_API_BASE_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "silent",
    INBOX_DATA_DIR: dataDir,
  });
  ({ GET: list } = await import("./route"));
  ({ GET: exportCsv } = await import("./export/route"));
  ({ GET: history } = await import("./users/[id]/route"));
  const database = await import("@/lib/db/database");
  closeDatabase = database.closeDatabase;
  const { recordAuditEvent } = await import("@/lib/audit/record");
  const ana = { id: "oidc:ana", name: "Ana", authMode: "oidc" as const };
  const bo = { id: "passcode:bo", name: "=Bo", authMode: "passcode" as const };
  await recordAuditEvent(ana, "status.change", {
    targetInternalId: "id-1",
    targetVendorData: "user-1",
    statusBefore: "FLAGGED",
    statusAfter: "ACTIVE",
    reason: "Document verified manually",
    outcome: "done",
    outcomeCode: "200",
  });
  await recordAuditEvent(bo, "status.change", {
    targetInternalId: "id-2",
    targetVendorData: "user-2",
    statusAfter: "BLOCKED",
    reason: "Sanctions match confirmed",
    outcome: "failed",
    outcomeCode: "404",
  });
});

afterAll(async () => {
  await closeDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = async (handler: typeof list, path: string) =>
  handler(new NextRequest(`${BASE}${path}`));

describe("GET /api/activity", () => {
  it("lists events newest first, with who, what, when and why", async () => {
    const page = (await (await get(list, "/api/activity")).json()) as ActivityPage;
    expect(page.total).toBe(2);
    expect(page.events.map((event) => event.analyst.name)).toEqual(["=Bo", "Ana"]);
    expect(page.events[1]).toMatchObject({
      action: "status.change",
      actionLabel: "Status change",
      target: { internalId: "id-1", vendorData: "user-1" },
      statusAfter: "ACTIVE",
      reason: "Document verified manually",
      outcome: "done",
    });
    expect(page.events[0]?.analyst.note).toMatch(/self-declared/);
    expect(page.analysts.map((analyst) => analyst.name).sort()).toEqual(["=Bo", "Ana"]);
  });

  it("filters by analyst, outcome, user and day", async () => {
    const read = async (qs: string) =>
      ((await (await get(list, `/api/activity?${qs}`)).json()) as ActivityPage).events.length;
    expect(await read("analyst=oidc:ana")).toBe(1);
    expect(await read("outcome=failed")).toBe(1);
    expect(await read("user=user-2")).toBe(1);
    expect(await read("user=id-1")).toBe(1);
    expect(await read("from=2000-01-01&to=2000-01-02")).toBe(0);
  });

  it("names a bad filter", async () => {
    const response = await get(list, "/api/activity?outcome=maybe&from=yesterday&limit=0");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["from", "limit", "outcome"]);
  });
});

describe("GET /api/activity/export", () => {
  it("streams the matching events as CSV, formulas neutralised", async () => {
    const response = await get(exportCsv, "/api/activity/export?action=status.change");
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await response.text();
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("'=Bo");
  });
});

describe("GET /api/activity/users/{id}", () => {
  it("answers the user's own history and records that the user was opened", async () => {
    const response = await history(
      new NextRequest(`${BASE}/api/activity/users/id-1?vendorData=user-1`),
      {
        params: Promise.resolve({ id: "id-1" }),
      },
    );
    const body = (await response.json()) as UserActivity;
    expect(body.events.map((event) => event.action)).toEqual(["status.change", "user.opened"]);
    const opened = (await (
      await get(list, "/api/activity?action=user.opened")
    ).json()) as ActivityPage;
    expect(opened.events[0]).toMatchObject({
      target: { internalId: "id-1" },
      analyst: { name: "Local analyst" },
    });
  });

  it("records one opening per visit, not one per refresh of the panel", async () => {
    const open = () =>
      history(new NextRequest(`${BASE}/api/activity/users/id-2?vendorData=user-2`), {
        params: Promise.resolve({ id: "id-2" }),
      });
    await open();
    const again = (await (await open()).json()) as UserActivity;
    expect(again.events.filter((event) => event.action === "user.opened")).toHaveLength(1);
  });

  it("refuses an id that is no Didit ID", async () => {
    const response = await history(new NextRequest(`${BASE}/api/activity/users/x`), {
      params: Promise.resolve({ id: "../etc" }),
    });
    expect(response.status).toBe(400);
  });
});
