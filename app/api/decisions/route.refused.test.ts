import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Didit unreachable: nothing listens where the inbox sends. Its own file, because the upstream
 * origin is read once per process from the configuration.
 */
const ORIGIN = "http://127.0.0.1:3000";
let POST: (request: NextRequest) => Promise<Response>;
let dataDir: string;
let closeDatabase: () => Promise<void>;
let events: () => Promise<Array<Record<string, unknown>>>;

/** A loopback port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "inbox-decisions-refused-"));
  Object.assign(process.env, {
    DIDIT_API_KEY: "test-key-0123456789",
    INBOX_AUTH: "none",
    DIDIT_API_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    DIDIT_TIMEOUT_MS: "2000",
    DIDIT_DEADLINE_MS: "6000",
    LOG_LEVEL: "silent",
    INBOX_DATA_DIR: dataDir,
  });
  ({ POST } = await import("./route"));
  const database = await import("@/lib/db/database");
  const { auditEvents } = await import("@/lib/db/schema");
  closeDatabase = database.closeDatabase;
  events = async () => {
    const { db } = await database.getDatabase();
    return (await db.select().from(auditEvents).orderBy(auditEvents.id)) as never;
  };
});

afterAll(async () => {
  await closeDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("POST /api/decisions: Didit refuses the connection", () => {
  it("fails the user (nothing reached Didit, so nothing changed) rather than calling it unknown", async () => {
    const response = await POST(
      new NextRequest(`${ORIGIN}/api/decisions`, {
        method: "POST",
        headers: { host: "127.0.0.1:3000", origin: ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({
          users: [{ id: "id-1", vendorData: "user-1", status: "FLAGGED" }],
          status: "ACTIVE",
          reason: "Document verified manually",
        }),
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ summary: { done: 0, failed: 1, unknown: 0 } });
    expect(body.results).toEqual([
      expect.objectContaining({ outcome: "failed", code: "upstream_unavailable" }),
    ]);
    expect((await events()).at(-1)).toMatchObject({
      outcome: "failed",
      outcomeCode: "upstream_unavailable",
    });
  });
});
