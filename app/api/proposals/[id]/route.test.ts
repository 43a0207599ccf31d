import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  type Answer,
  apiRequest,
  auditedDuring,
  call,
  configure,
  diditKnows,
  type FakeDidit,
  installDatabase,
  MINUTE,
  patchesTo,
  type RouteHandler,
  rowsOf,
  signIn,
  type TestAnalyst,
  uninstallDatabase,
  withAuditOf,
  withClockShiftedBy,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

type Params = { id: string };
const HOURS = 1;
let upstream: FakeDidit;
let review: RouteHandler<Params>;
let decisions: RouteHandler;
let claims: RouteHandler;

/** Users Didit knows: user-0 … user-29. */
const KNOWN = Object.fromEntries(
  Array.from({ length: 30 }, (_, n) => [`user-${n}`, { id: `u-${n}`, status: "ACTIVE" }]),
);

beforeAll(async () => {
  upstream = await configure({ INBOX_FOUR_EYES: "block", INBOX_FOUR_EYES_HOURS: String(HOURS) });
  review = (await import("./route")).POST as unknown as RouteHandler<Params>;
  decisions = (await import("../../decisions/route")).POST as unknown as RouteHandler;
  claims = (await import("../../claims/route")).POST as unknown as RouteHandler;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  diditKnows(upstream, KNOWN);
});

const verdict = (
  who: TestAnalyst | null,
  id: number | string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<Answer> =>
  call(who, review, apiRequest(`/api/proposals/${id}`, { method: "POST", body, headers }), {
    id: String(id),
  });

const proposal = async (id: number) =>
  (await rowsOf("proposals")).find((row) => row.id === id) ?? null;

describeEachDatabase("POST /api/proposals/{id}", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let cy: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    cy = await signIn("Cy Reviewer");
    vic = await signIn("Vic Viewer", "viewer");
  });

  /** Ana proposes to block user-n; the proposal's id. Nothing reaches Didit. */
  async function proposed(n: number, reason = "Sanctions match confirmed"): Promise<number> {
    const answer = await call(
      ana,
      decisions,
      apiRequest("/api/decisions", {
        method: "POST",
        body: {
          users: [{ id: `u-${n}`, vendorData: `user-${n}`, status: "ACTIVE" }],
          status: "BLOCKED",
          reason,
        },
      }),
    );
    expect(answer.body.results[0].outcome).toBe("proposed");
    const row = (await rowsOf("proposals")).find(
      (candidate) => candidate.userId === `u-${n}` && candidate.state === "pending",
    );
    if (!row) throw new Error(`no proposal for u-${n}`);
    upstream.requests.length = 0;
    return row.id;
  }

  describe("approving", () => {
    it("the proposer cannot approve (403 own_proposal): nothing is sent, it stays pending", async () => {
      const id = await proposed(1);
      const audited = await auditedDuring(async () => {
        const approved = await verdict(ana, id, { action: "approve" });
        expect(approved.status).toBe(403);
        expect(approved.body.error.code).toBe("own_proposal");
        const rejected = await verdict(ana, id, { action: "reject", reason: "Changed my mind" });
        expect(rejected.status).toBe(403);
        expect(rejected.body.error.code).toBe("own_proposal");
      });
      expect(audited).toHaveLength(0);
      expect(upstream.requests).toHaveLength(0);
      expect(await proposal(id)).toMatchObject({ state: "pending", reviewerId: null });
    });

    it("a second reviewer approves: Didit is told, with both names on the trail", async () => {
      const id = await proposed(2, "Fraud ring member");
      // Ana was working the user; the decision ends her claim.
      await call(
        ana,
        claims,
        apiRequest("/api/claims", {
          method: "POST",
          body: { userId: "u-2", vendorData: "user-2" },
        }),
      );
      const [answer, audited] = await withAuditOf(() => verdict(bo, id, { action: "approve" }));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        proposal: {
          id,
          userId: "u-2",
          statusAfter: "BLOCKED",
          proposer: { id: ana.id, name: "Ana Analyst" },
          mine: false,
        },
        outcome: { id: "u-2", outcome: "done", code: "200" },
      });

      const patches = patchesTo(upstream);
      expect(patches.map((request) => request.url.pathname)).toEqual([
        "/v3/users/user-2/update-status/",
      ]);
      expect(JSON.parse(patches[0]?.body ?? "{}")).toEqual({
        status: "BLOCKED",
        reason: "Fraud ring member",
      });
      expect(await proposal(id)).toMatchObject({
        state: "approved",
        reviewerId: bo.id,
        reviewerName: "Bo Reviewer",
      });

      const proposedBy = { id: ana.id, name: "Ana Analyst" };
      expect(audited.map((event) => [event.action, event.outcome])).toEqual([
        ["status.change", "pending"],
        ["status.change", "done"],
        ["proposal.approved", "done"],
      ]);
      for (const event of audited) {
        expect(event).toMatchObject({
          analystId: bo.id,
          analystName: "Bo Reviewer",
          targetInternalId: "u-2",
          targetVendorData: "user-2",
          statusBefore: "ACTIVE",
          statusAfter: "BLOCKED",
          reason: "Fraud ring member",
        });
        expect(event.details).toMatchObject({ proposalId: id, proposedBy });
      }
      expect(audited[1]?.intentId).toBe(audited[0]?.id);

      expect((await rowsOf("claims")).filter((row) => row.userId === "u-2")).toHaveLength(0);
      const announced = (await rowsOf("liveEvents")).slice(-2);
      expect(announced).toMatchObject([
        { kind: "decision", data: { userIds: ["u-2"], status: "BLOCKED", analyst: { id: bo.id } } },
        { kind: "proposal", data: { userIds: ["u-2"], action: "approved" } },
      ]);
    });

    it("an approved proposal is closed: approving it again is 409 and sends nothing", async () => {
      const id = await proposed(3);
      expect((await verdict(bo, id, { action: "approve" })).status).toBe(200);
      upstream.requests.length = 0;
      const again = await verdict(cy, id, { action: "approve" });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("proposal_closed");
      const rejected = await verdict(cy, id, { action: "reject", reason: "Too late now" });
      expect(rejected.status).toBe(409);
      expect(upstream.requests).toHaveLength(0);
      expect(await proposal(id)).toMatchObject({ state: "approved", reviewerId: bo.id });
    });

    it("when two reviewers approve at once, Didit is told once", async () => {
      const id = await proposed(4);
      const answers = await Promise.all([
        verdict(bo, id, { action: "approve" }),
        verdict(cy, id, { action: "approve" }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(patchesTo(upstream)).toHaveLength(1);
    });

    it("when Didit refuses the change, the proposal is pending again, to be approved later", async () => {
      const id = await proposed(5);
      diditKnows(upstream, {});
      const [answer, audited] = await withAuditOf(() => verdict(bo, id, { action: "approve" }));
      expect(answer.status).toBe(200);
      expect(answer.body.outcome).toMatchObject({ outcome: "failed", code: "404" });
      expect(patchesTo(upstream)).toHaveLength(1);
      expect(await proposal(id)).toMatchObject({ state: "pending", reviewerId: null });
      expect(audited.at(-1)).toMatchObject({
        action: "proposal.approved",
        analystId: bo.id,
        outcome: "failed",
        outcomeCode: "404",
      });

      diditKnows(upstream, KNOWN);
      const retried = await verdict(cy, id, { action: "approve" });
      expect(retried.body.outcome).toMatchObject({ outcome: "done" });
      expect(await proposal(id)).toMatchObject({ state: "approved", reviewerId: cy.id });
    });

    it("an expired proposal is closed: 409, nothing sent", async () => {
      const id = await withClockShiftedBy(-(HOURS * 60 + 1) * MINUTE, () => proposed(6));
      const answer = await verdict(bo, id, { action: "approve" });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe("proposal_closed");
      expect(upstream.requests).toHaveLength(0);
      expect(await proposal(id)).toMatchObject({ state: "pending", reviewerId: null });
    });
  });

  describe("rejecting", () => {
    it.each([
      [{ action: "reject" }],
      [{ action: "reject", reason: "no" }],
      [{ action: "reject", reason: "   " }],
      [{ action: "reject", reason: "x".repeat(1001) }],
    ])("refuses %j with 400 naming the reason; it stays pending", async (body) => {
      const id = await proposed(7);
      const answer = await verdict(bo, id, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: "invalid_body",
        fields: { reason: expect.any(String) },
      });
      expect(await proposal(id)).toMatchObject({ state: "pending" });
    });

    it("with a reason, the proposal is rejected, on the trail, and nothing goes to Didit", async () => {
      const id = await proposed(8);
      const [answer, audited] = await withAuditOf(() =>
        verdict(bo, id, {
          action: "reject",
          reason: "  Name match is a false positive ",
        }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ proposal: { id, userId: "u-8" }, outcome: null });
      expect(upstream.requests).toHaveLength(0);
      expect(await proposal(id)).toMatchObject({
        state: "rejected",
        reviewerId: bo.id,
        reviewReason: "Name match is a false positive",
      });
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        action: "proposal.rejected",
        analystId: bo.id,
        targetInternalId: "u-8",
        statusAfter: "BLOCKED",
        reason: "Name match is a false positive",
        outcome: "done",
        details: { proposalId: id, proposedBy: { id: ana.id, name: "Ana Analyst" } },
      });
      expect((await rowsOf("liveEvents")).at(-1)).toMatchObject({
        kind: "proposal",
        data: { userIds: ["u-8"], action: "rejected" },
      });
      const approved = await verdict(cy, id, { action: "approve" });
      expect(approved.status).toBe(409);
      expect(upstream.requests).toHaveLength(0);
    });

    it("after a rejection the user can be proposed again", async () => {
      const first = await proposed(9);
      await verdict(bo, first, { action: "reject", reason: "Needs more evidence" });
      const second = await proposed(9, "More evidence attached");
      expect(second).not.toBe(first);
      expect(await proposal(second)).toMatchObject({ state: "pending" });
    });
  });

  describe("refusals", () => {
    it("answers 404 for no such proposal and 400 for an id that is none", async () => {
      const missing = await verdict(bo, 987654, { action: "approve" });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("not_found");
      for (const bad of ["abc", "0", "-3", "2.5"]) {
        const answer = await verdict(bo, bad, { action: "approve" });
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields).toHaveProperty("id");
      }
    });

    it("refuses an unknown action, a viewer, another origin and nobody signed in", async () => {
      const id = await proposed(10);
      const odd = await verdict(bo, id, { action: "maybe" });
      expect(odd.status).toBe(400);
      expect(odd.body.error.fields).toHaveProperty("action");
      const viewer = await verdict(vic, id, { action: "approve" });
      expect(viewer.status).toBe(403);
      expect(viewer.body.error.code).toBe("forbidden_role");
      const evil = await verdict(bo, id, { action: "approve" }, { origin: "https://evil.example" });
      expect(evil.status).toBe(403);
      expect(evil.body.error.code).toBe("forbidden_origin");
      expect((await verdict(null, id, { action: "approve" })).status).toBe(401);
      expect(upstream.requests).toHaveLength(0);
      expect(await proposal(id)).toMatchObject({ state: "pending", reviewerId: null });
    });
  });
});
