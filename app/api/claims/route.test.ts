import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  type Answer,
  apiRequest,
  auditedDuring,
  call,
  configure,
  type FakeDidit,
  installDatabase,
  MINUTE,
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

const CLAIM_MINUTES = 20;
let upstream: FakeDidit;
let POST: RouteHandler;
let DELETE: RouteHandler;

beforeAll(async () => {
  upstream = await configure({ INBOX_CLAIM_MINUTES: String(CLAIM_MINUTES) });
  ({ POST, DELETE } = (await import("./route")) as unknown as {
    POST: RouteHandler;
    DELETE: RouteHandler;
  });
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

const claim = (
  who: TestAnalyst | null,
  body: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => call(who, POST, apiRequest("/api/claims", { method: "POST", body, headers }));

const release = (who: TestAnalyst | null, user: string, headers?: Record<string, string>) =>
  call(
    who,
    DELETE,
    apiRequest(`/api/claims?user=${encodeURIComponent(user)}`, { method: "DELETE", headers }),
  );

const claimOf = async (userId: string) =>
  (await rowsOf("claims")).find((row) => row.userId === userId) ?? null;

describeEachDatabase("POST and DELETE /api/claims", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    vic = await signIn("Vic Viewer", "viewer");
  });

  describe("claiming", () => {
    it("claims a free user for INBOX_CLAIM_MINUTES, on the trail as claim.taken and announced", async () => {
      const [answer, audited] = await withAuditOf(() =>
        claim(ana, { userId: "u-1", vendorData: "user-1" }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        result: "claimed",
        claim: {
          userId: "u-1",
          vendorData: "user-1",
          analyst: { id: ana.id, name: "Ana Analyst" },
          mine: true,
        },
      });
      const { claimedAt, expiresAt } = answer.body.claim as {
        claimedAt: string;
        expiresAt: string;
      };
      expect(Date.parse(expiresAt) - Date.parse(claimedAt)).toBe(CLAIM_MINUTES * MINUTE);
      expect(await claimOf("u-1")).toMatchObject({ analystId: ana.id, analystName: "Ana Analyst" });
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        action: "claim.taken",
        analystId: ana.id,
        analystName: "Ana Analyst",
        authMode: "passcode",
        targetInternalId: "u-1",
        targetVendorData: "user-1",
        outcome: "done",
      });
      const announced = (await rowsOf("liveEvents")).at(-1);
      expect(announced).toMatchObject({
        kind: "claim",
        data: { userIds: ["u-1"], action: "claimed", analyst: { id: ana.id } },
      });
      expect(upstream.requests).toHaveLength(0);
    });

    it("claiming one's own claim again renews it: same start, no second claim.taken", async () => {
      const first = await claim(ana, { userId: "u-renew", vendorData: "user-renew" });
      const [again, audited] = await withAuditOf(() =>
        withClockShiftedBy(5 * MINUTE, () =>
          claim(ana, { userId: "u-renew", vendorData: "user-renew" }),
        ),
      );
      expect(again.status).toBe(200);
      expect(again.body.result).toBe("renewed");
      expect(again.body.claim.claimedAt).toBe(first.body.claim.claimedAt);
      expect(Date.parse(again.body.claim.expiresAt)).toBeGreaterThanOrEqual(
        Date.parse(first.body.claim.expiresAt) + 5 * MINUTE,
      );
      expect(audited).toHaveLength(0);
    });

    it("a colleague's claim is refused with 409 claimed naming the holder, and nothing changes", async () => {
      await claim(ana, { userId: "u-held", vendorData: "user-held" });
      const before = await claimOf("u-held");
      const eventsBefore = (await rowsOf("liveEvents")).length;
      const [answer, audited] = await withAuditOf(() =>
        claim(bo, { userId: "u-held", vendorData: "user-held" }),
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe("claimed");
      expect(answer.body.error.message).toContain("Ana Analyst");
      expect(await claimOf("u-held")).toEqual(before);
      expect(audited).toHaveLength(0);
      expect(await rowsOf("liveEvents")).toHaveLength(eventsBefore);
    });

    it("with takeOver the colleague takes the claim, on the trail as claim.taken-over naming both", async () => {
      await claim(ana, { userId: "u-take", vendorData: "user-take" });
      const [answer, audited] = await withAuditOf(() =>
        claim(bo, { userId: "u-take", vendorData: "user-take", takeOver: true }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        result: "taken-over",
        claim: { analyst: { id: bo.id, name: "Bo Reviewer" }, mine: true },
      });
      expect(await claimOf("u-take")).toMatchObject({ analystId: bo.id });
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        action: "claim.taken-over",
        analystId: bo.id,
        analystName: "Bo Reviewer",
        targetInternalId: "u-take",
        details: { from: { id: ana.id, name: "Ana Analyst" } },
      });
      expect((await rowsOf("liveEvents")).at(-1)).toMatchObject({
        kind: "claim",
        data: { userIds: ["u-take"], action: "taken-over", analyst: { id: bo.id } },
      });
      // Ana no longer holds it, so she cannot release it.
      expect((await release(ana, "u-take")).status).toBe(404);
      expect(await claimOf("u-take")).toMatchObject({ analystId: bo.id });
    });

    it("an expired claim is anyone's: claimed, not taken over", async () => {
      await claim(ana, { userId: "u-expired", vendorData: "user-expired" });
      const answer = await withClockShiftedBy(CLAIM_MINUTES * MINUTE, () =>
        claim(bo, { userId: "u-expired", vendorData: "user-expired" }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body.result).toBe("claimed");
      expect(await claimOf("u-expired")).toMatchObject({ analystId: bo.id });
    });

    it("when two analysts claim at once, exactly one gets the user", async () => {
      const answers = await Promise.all([
        claim(ana, { userId: "u-race", vendorData: "user-race" }),
        claim(bo, { userId: "u-race", vendorData: "user-race" }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.status === 200);
      expect(await claimOf("u-race")).toMatchObject({
        analystId: winner?.body.claim.analyst.id,
      });
      const loser = answers.find((answer) => answer.status === 409);
      expect(loser?.body.error.message).toContain(winner?.body.claim.analyst.name);
    });

    it("claims a user without vendor data by their internal id", async () => {
      const answer = await claim(ana, { userId: "u-no-vendor", vendorData: null });
      expect(answer.status).toBe(200);
      expect(await claimOf("u-no-vendor")).toMatchObject({ vendorData: null });
    });
  });

  describe("releasing", () => {
    it("the holder releases: 200, the claim is gone, claim.released on the trail", async () => {
      await claim(ana, { userId: "u-release", vendorData: "user-release" });
      const [answer, audited] = await withAuditOf(() => release(ana, "u-release"));
      expect(answer).toEqual({ status: 200, body: { released: true } });
      expect(await claimOf("u-release")).toBeNull();
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        action: "claim.released",
        analystId: ana.id,
        targetInternalId: "u-release",
        targetVendorData: "user-release",
      });
      expect((await rowsOf("liveEvents")).at(-1)).toMatchObject({
        kind: "claim",
        data: { userIds: ["u-release"], action: "released" },
      });
    });

    it("someone else's claim is not released (404), and stays", async () => {
      await claim(ana, { userId: "u-keep", vendorData: "user-keep" });
      const audited = await auditedDuring(async () => {
        const answer = await release(bo, "u-keep");
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe("not_found");
      });
      expect(audited).toHaveLength(0);
      expect(await claimOf("u-keep")).toMatchObject({ analystId: ana.id });
    });

    it.each([[""], ["../etc"], ["a,b"]])("refuses ?user=%j with 400 naming it", async (user) => {
      const answer = await release(ana, user);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: "invalid_query",
        fields: { user: expect.any(String) },
      });
    });
  });

  describe("who may", () => {
    it("a viewer may neither claim nor release: 403 forbidden_role, nothing stored", async () => {
      await claim(ana, { userId: "u-viewer", vendorData: "user-viewer" });
      const audited = await auditedDuring(async () => {
        const claimed = await claim(vic, { userId: "u-viewer-2", vendorData: "user-viewer-2" });
        expect(claimed.status).toBe(403);
        expect(claimed.body.error.code).toBe("forbidden_role");
        const taken = await claim(vic, {
          userId: "u-viewer",
          vendorData: "user-viewer",
          takeOver: true,
        });
        expect(taken.status).toBe(403);
        const released = await release(vic, "u-viewer");
        expect(released.status).toBe(403);
        expect(released.body.error.code).toBe("forbidden_role");
      });
      expect(audited).toHaveLength(0);
      expect(await claimOf("u-viewer-2")).toBeNull();
      expect(await claimOf("u-viewer")).toMatchObject({ analystId: ana.id });
    });

    it("nobody signed in: 401, nothing stored", async () => {
      const answer = await claim(null, { userId: "u-anon", vendorData: "user-anon" });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe("unauthenticated");
      expect(await claimOf("u-anon")).toBeNull();
    });

    it("a request from another origin, or from none, is refused: 403 forbidden_origin", async () => {
      await claim(ana, { userId: "u-origin", vendorData: "user-origin" });
      const audited = await auditedDuring(async () => {
        const evil = await claim(
          bo,
          { userId: "u-origin", vendorData: "user-origin", takeOver: true },
          { origin: "https://evil.example" },
        );
        expect(evil.status).toBe(403);
        expect(evil.body.error.code).toBe("forbidden_origin");
        const none = await call(
          bo,
          POST,
          apiRequest("/api/claims", {
            method: "POST",
            body: { userId: "u-origin-2", vendorData: null },
            headers: { origin: "" },
          }),
        );
        expect(none.status).toBe(403);
        const released = await release(ana, "u-origin", { origin: "https://evil.example" });
        expect(released.status).toBe(403);
        expect(released.body.error.code).toBe("forbidden_origin");
      });
      expect(audited).toHaveLength(0);
      expect(await claimOf("u-origin")).toMatchObject({ analystId: ana.id });
      expect(await claimOf("u-origin-2")).toBeNull();
    });
  });

  describe("bad requests", () => {
    it.each([
      [{ userId: "../etc", vendorData: "x" }, "userId"],
      [{ userId: "", vendorData: "x" }, "userId"],
      [{ vendorData: "x" }, "userId"],
      [{ userId: "u-bad" }, "vendorData"],
      [{ userId: "u-bad", vendorData: "" }, "vendorData"],
      [{ userId: "u-bad", vendorData: "x".repeat(201) }, "vendorData"],
      [{ userId: "u-bad", vendorData: "x", takeOver: "yes" }, "takeOver"],
    ])("refuses %j with 400 naming %s, and stores nothing", async (body, field) => {
      const audited = await auditedDuring(async () => {
        const answer = await claim(ana, body);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe("invalid_body");
        expect(Object.keys(answer.body.error.fields)).toContain(field);
      });
      expect(audited).toHaveLength(0);
      expect(await claimOf("u-bad")).toBeNull();
    });

    it("reads only JSON", async () => {
      const notJson = await claim(ana, "{not json");
      expect(notJson.status).toBe(400);
      const text = await claim(
        ana,
        { userId: "u-bad", vendorData: "x" },
        { "content-type": "text/plain" },
      );
      expect(text.status).toBe(415);
      expect(await claimOf("u-bad")).toBeNull();
    });
  });
});
