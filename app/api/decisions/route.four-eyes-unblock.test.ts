import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { sendJson } from "@/lib/testing/fake-upstream";
import {
  type Answer,
  apiRequest,
  call,
  configure,
  diditKnows,
  type FakeDidit,
  installDatabase,
  patchesTo,
  type RouteHandler,
  rowsOf,
  signIn,
  type TestAnalyst,
  uninstallDatabase,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

/**
 * INBOX_FOUR_EYES=block,unblock: leaving Blocked needs a second reviewer too, and whether a user
 * is Blocked is Didit's word, not the browser's. Its own file: the configuration is read once.
 */
let upstream: FakeDidit;
let POST: RouteHandler;

beforeAll(async () => {
  upstream = await configure({ INBOX_FOUR_EYES: "block,unblock" });
  POST = (await import("./route")).POST as unknown as RouteHandler;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  diditKnows(upstream, {
    "user-blocked": { id: "u-blocked", status: "BLOCKED" },
    "user-active": { id: "u-active", status: "ACTIVE" },
  });
});

const decide = (who: TestAnalyst, body: unknown): Promise<Answer> =>
  call(who, POST, apiRequest("/api/decisions", { method: "POST", body }));

describeEachDatabase("POST /api/decisions with INBOX_FOUR_EYES=block,unblock", (kind) => {
  let ana: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
  });

  it("holds an unblock, reading the user's status from Didit whatever the browser said", async () => {
    const answer = await decide(ana, {
      // The browser says ACTIVE; Didit says BLOCKED, and Didit is asked.
      users: [{ id: "u-blocked", vendorData: "user-blocked", status: "ACTIVE" }],
      status: "ACTIVE",
      reason: "Cleared after review",
    });
    expect(answer.body.results).toEqual([
      expect.objectContaining({ id: "u-blocked", outcome: "proposed" }),
    ]);
    expect(upstream.requests.map((request) => [request.method, request.url.pathname])).toEqual([
      ["GET", "/v3/users/user-blocked/"],
    ]);
    const [proposal] = (await rowsOf("proposals")).filter((row) => row.userId === "u-blocked");
    expect(proposal).toMatchObject({ statusBefore: "BLOCKED", statusAfter: "ACTIVE" });
  });

  it("sends a change at once for a user Didit says is not Blocked", async () => {
    const answer = await decide(ana, {
      users: [{ id: "u-active", vendorData: "user-active", status: "BLOCKED" }],
      status: "FLAGGED",
      reason: "Needs a second look",
    });
    expect(answer.body.results).toEqual([
      expect.objectContaining({ id: "u-active", outcome: "done" }),
    ]);
    expect(patchesTo(upstream)).toHaveLength(1);
  });

  it("fails the user, sending nothing, when Didit cannot say whether they are Blocked", async () => {
    upstream.respondWith((_, res) => sendJson(res, 404, { detail: "Not found." }));
    const answer = await decide(ana, {
      users: [{ id: "u-unknown", vendorData: "user-unknown", status: "BLOCKED" }],
      status: "ACTIVE",
      reason: "Cleared after review",
    });
    expect(answer.body.results).toEqual([
      expect.objectContaining({ id: "u-unknown", outcome: "failed" }),
    ]);
    expect(answer.body.results[0].message).toMatch(/second reviewer/);
    expect(patchesTo(upstream)).toHaveLength(0);
    expect((await rowsOf("proposals")).filter((row) => row.userId === "u-unknown")).toEqual([]);
  });

  it("does not ask Didit before a Block: that is held anyway", async () => {
    const answer = await decide(ana, {
      users: [{ id: "u-active", vendorData: "user-active", status: "ACTIVE" }],
      status: "BLOCKED",
      reason: "Sanctions match confirmed",
    });
    expect(answer.body.results[0].outcome).toBe("proposed");
    expect(upstream.requests).toHaveLength(0);
  });
});
