import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  type Answer,
  apiRequest,
  auditedDuring,
  auditTrail,
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
  withAuditOf,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

/** Four-eyes on Block only: INBOX_FOUR_EYES=block. */
const HOURS = 2;
let upstream: FakeDidit;
let POST: RouteHandler;

beforeAll(async () => {
  upstream = await configure({ INBOX_FOUR_EYES: "block", INBOX_FOUR_EYES_HOURS: String(HOURS) });
  POST = (await import("./route")).POST as unknown as RouteHandler;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  diditKnows(
    upstream,
    Object.fromEntries(
      Array.from({ length: 20 }, (_, n) => [`user-${n}`, { id: `u-${n}`, status: "ACTIVE" }]),
    ),
  );
});

const target = (n: number, status = "ACTIVE") => ({
  id: `u-${n}`,
  vendorData: `user-${n}`,
  status,
});

const decide = (who: TestAnalyst | null, body: unknown): Promise<Answer> =>
  call(who, POST, apiRequest("/api/decisions", { method: "POST", body }));

const proposalsFor = async (userId: string) =>
  (await rowsOf("proposals")).filter((row) => row.userId === userId);

describeEachDatabase("POST /api/decisions with INBOX_FOUR_EYES=block", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    vic = await signIn("Vic Viewer", "viewer");
  });

  it("holds a Block as a proposal: outcome proposed, nothing sent to Didit, one pending proposal", async () => {
    const [answer, audited] = await withAuditOf(() =>
      decide(ana, {
        users: [target(1)],
        status: "BLOCKED",
        reason: "Sanctions match confirmed",
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: "BLOCKED",
      results: [{ id: "u-1", vendorData: "user-1", outcome: "proposed", code: "proposed" }],
      summary: { done: 0, failed: 0, unknown: 0, proposed: 1 },
    });
    expect(answer.body.results[0].message).toMatch(/another reviewer/i);
    expect(upstream.requests).toHaveLength(0);

    const [proposal, ...others] = await proposalsFor("u-1");
    expect(others).toHaveLength(0);
    expect(proposal).toMatchObject({
      vendorData: "user-1",
      statusBefore: "ACTIVE",
      statusAfter: "BLOCKED",
      reason: "Sanctions match confirmed",
      proposerId: ana.id,
      proposerName: "Ana Analyst",
      state: "pending",
      reviewerId: null,
    });
    expect((proposal?.expiresAt.getTime() ?? 0) - (proposal?.createdAt.getTime() ?? 0)).toBe(
      HOURS * 3_600_000,
    );

    // On the trail as a proposal, never as a status change.
    expect(audited.map((event) => event.action)).toEqual(["proposal.created"]);
    expect(audited[0]).toMatchObject({
      analystId: ana.id,
      targetInternalId: "u-1",
      targetVendorData: "user-1",
      statusBefore: "ACTIVE",
      statusAfter: "BLOCKED",
      reason: "Sanctions match confirmed",
      outcome: "pending",
      details: { proposalId: proposal?.id },
    });
    expect((await rowsOf("liveEvents")).at(-1)).toMatchObject({
      kind: "proposal",
      data: { userIds: ["u-1"], action: "proposed", status: "BLOCKED", analyst: { id: ana.id } },
    });
  });

  it("a second Block of the same user, by anyone, answers the pending proposal and stores nothing new", async () => {
    await decide(ana, { users: [target(2)], status: "BLOCKED", reason: "Fraud ring member" });
    const audited = await auditedDuring(async () => {
      for (const who of [ana, bo]) {
        const again = await decide(who, {
          users: [target(2)],
          status: "BLOCKED",
          reason: "Another reason entirely",
        });
        expect(again.body.results).toEqual([
          expect.objectContaining({ id: "u-2", outcome: "proposed" }),
        ]);
        expect(again.body.results[0].message).toContain("Already proposed by Ana Analyst");
      }
    });
    expect(audited).toHaveLength(0);
    const rows = await proposalsFor("u-2");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ proposerId: ana.id, reason: "Fraud ring member" });
    expect(upstream.requests).toHaveLength(0);
  });

  it("keeps the users' order when some are proposed and some cannot be", async () => {
    const answer = await decide(ana, {
      users: [target(3), { id: "u-no-vendor", vendorData: null }, target(4)],
      status: "BLOCKED",
      reason: "Document forgery",
    });
    expect(
      answer.body.results.map((result: { id: string; outcome: string }) => [
        result.id,
        result.outcome,
      ]),
    ).toEqual([
      ["u-3", "proposed"],
      ["u-no-vendor", "failed"],
      ["u-4", "proposed"],
    ]);
    expect(answer.body.results[1].code).toBe("no_vendor_data");
    expect(answer.body.summary).toMatchObject({ proposed: 2, failed: 1, done: 0 });
    expect(await proposalsFor("u-no-vendor")).toHaveLength(0);
    expect(patchesTo(upstream)).toHaveLength(0);
  });

  it.each([
    ["ACTIVE", "BLOCKED"],
    ["FLAGGED", "ACTIVE"],
  ])("sends a change to %s (from %s) at once: only Block is held", async (status, before) => {
    const n = status === "ACTIVE" ? 5 : 6;
    const [answer, audited] = await withAuditOf(() =>
      decide(bo, {
        users: [target(n, before)],
        status,
        reason: "Reviewed with the customer",
      }),
    );
    expect(answer.body.results).toEqual([
      expect.objectContaining({ id: `u-${n}`, outcome: "done", code: "200" }),
    ]);
    expect(answer.body.summary).toMatchObject({ done: 1, proposed: 0 });
    const patches = patchesTo(upstream);
    expect(patches.map((request) => request.url.pathname)).toEqual([
      `/v3/users/user-${n}/update-status/`,
    ]);
    expect(JSON.parse(patches[0]?.body ?? "{}")).toEqual({
      status,
      reason: "Reviewed with the customer",
    });
    expect(await proposalsFor(`u-${n}`)).toHaveLength(0);
    expect(audited.map((event) => [event.action, event.outcome])).toEqual([
      ["status.change", "pending"],
      ["status.change", "done"],
    ]);
  });

  it("does not ask Didit for a user's current status when only block is on", async () => {
    await decide(bo, { users: [target(7, "BLOCKED")], status: "ACTIVE", reason: "Cleared" });
    expect(upstream.requests.filter((request) => request.method === "GET")).toHaveLength(0);
  });

  it("a viewer's Block is refused (403) and proposes nothing", async () => {
    const answer = await decide(vic, {
      users: [target(8)],
      status: "BLOCKED",
      reason: "Viewer trying",
    });
    expect(answer.status).toBe(403);
    expect(await proposalsFor("u-8")).toHaveLength(0);
  });

  it("a bad decision is refused before anything is proposed", async () => {
    const answer = await decide(ana, { users: [target(9)], status: "BLOCKED", reason: "no" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty("reason");
    expect(await proposalsFor("u-9")).toHaveLength(0);
  });

  it("when reviewers propose the same Block at once, one proposal is stored, not several", async () => {
    const reviewers = [ana, bo, await signIn("Cy Reviewer"), await signIn("Dee Reviewer")];
    for (const n of [10, 11, 12]) {
      const answers = await Promise.all(
        reviewers.map((who) =>
          decide(who, { users: [target(n)], status: "BLOCKED", reason: "Same fraud ring" }),
        ),
      );
      for (const answer of answers) expect(answer.body.results[0].outcome).toBe("proposed");
      expect(await proposalsFor(`u-${n}`)).toHaveLength(1);
      const created = (await auditTrail()).filter(
        (event) => event.action === "proposal.created" && event.targetInternalId === `u-${n}`,
      );
      expect(created).toHaveLength(1);
    }
  });
});
