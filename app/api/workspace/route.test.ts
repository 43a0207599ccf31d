import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Workspace } from "@/lib/api/types";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  apiRequest,
  call,
  configure,
  type FakeDidit,
  installDatabase,
  MINUTE,
  type RouteHandler,
  signIn,
  type TestAnalyst,
  uninstallDatabase,
  withClockShiftedBy,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

const CLAIM_MINUTES = 20;
let upstream: FakeDidit;
let workspace: RouteHandler;
let claims: RouteHandler;
let notes: RouteHandler;
let decisions: RouteHandler;

beforeAll(async () => {
  upstream = await configure({
    INBOX_FOUR_EYES: "block",
    INBOX_CLAIM_MINUTES: String(CLAIM_MINUTES),
  });
  workspace = (await import("./route")).GET as unknown as RouteHandler;
  claims = (await import("../claims/route")).POST as unknown as RouteHandler;
  notes = (await import("../notes/route")).POST as unknown as RouteHandler;
  decisions = (await import("../decisions/route")).POST as unknown as RouteHandler;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

const read = async (who: TestAnalyst | null, ids: string | null) => {
  const query = ids === null ? "" : `?ids=${encodeURIComponent(ids)}`;
  return call(who, workspace, apiRequest(`/api/workspace${query}`)) as Promise<{
    status: number;
    body: Workspace & { error?: { code: string; fields: Record<string, string> } };
  }>;
};

describeEachDatabase("GET /api/workspace", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    vic = await signIn("Vic Viewer", "viewer");

    const post = (who: TestAnalyst, handler: RouteHandler, path: string, body: unknown) =>
      call(who, handler, apiRequest(path, { method: "POST", body }));
    await post(ana, claims, "/api/claims", { userId: "u-1", vendorData: "user-1" });
    await post(bo, claims, "/api/claims", { userId: "u-2", vendorData: "user-2" });
    await withClockShiftedBy(-(CLAIM_MINUTES + 1) * MINUTE, () =>
      post(bo, claims, "/api/claims", { userId: "u-3", vendorData: "user-3" }),
    );
    for (const body of ["One", "Two"]) {
      await post(ana, notes, "/api/notes", { userId: "u-1", vendorData: "user-1", body });
    }
    await post(bo, notes, "/api/notes", { userId: "u-3", vendorData: "user-3", body: "Three" });
    const proposed = await post(ana, decisions, "/api/decisions", {
      users: [{ id: "u-2", vendorData: "user-2", status: "ACTIVE" }],
      status: "BLOCKED",
      reason: "Sanctions match confirmed",
    });
    expect(proposed.body.results[0].outcome).toBe("proposed");
    upstream.requests.length = 0;
  });

  it("answers the claims, note counts and pending proposals of the users asked about", async () => {
    const answer = await read(ana, "u-1,u-2,u-3,u-4");
    expect(answer.status).toBe(200);
    const { claims: held, noteCounts, proposals } = answer.body;
    // u-3's claim has expired: no claim.
    expect(Object.keys(held).sort()).toEqual(["u-1", "u-2"]);
    expect(held["u-1"]).toMatchObject({
      userId: "u-1",
      vendorData: "user-1",
      analyst: { id: ana.id, name: "Ana Analyst" },
      mine: true,
    });
    expect(held["u-2"]).toMatchObject({ analyst: { id: bo.id }, mine: false });
    expect(noteCounts).toEqual({ "u-1": 2, "u-3": 1 });
    expect(Object.keys(proposals)).toEqual(["u-2"]);
    expect(proposals["u-2"]).toMatchObject({
      userId: "u-2",
      statusBefore: "ACTIVE",
      statusAfter: "BLOCKED",
      reason: "Sanctions match confirmed",
      proposer: { id: ana.id, name: "Ana Analyst" },
      mine: true,
    });
    // Read from the inbox's own store: nothing of Didit's rate limit spent.
    expect(upstream.requests).toHaveLength(0);
  });

  it("answers from the asking analyst's point of view, and to a viewer too", async () => {
    const asBo = await read(bo, "u-1,u-2");
    expect(asBo.body.claims["u-1"]?.mine).toBe(false);
    expect(asBo.body.claims["u-2"]?.mine).toBe(true);
    expect(asBo.body.proposals["u-2"]?.mine).toBe(false);
    const asViewer = await read(vic, "u-1");
    expect(asViewer.status).toBe(200);
    expect(asViewer.body.claims["u-1"]?.mine).toBe(false);
  });

  it("answers only about the users asked for, once each, and nothing for none", async () => {
    const answer = await read(ana, " u-1 , u-1,,");
    expect(Object.keys(answer.body.claims)).toEqual(["u-1"]);
    expect(answer.body.noteCounts).toEqual({ "u-1": 2 });
    expect(answer.body.proposals).toEqual({});
    expect(await read(ana, "")).toEqual({
      status: 200,
      body: { claims: {}, noteCounts: {}, proposals: {} },
    });
    expect((await read(ana, null)).body).toEqual({ claims: {}, noteCounts: {}, proposals: {} });
  });

  it("refuses a bad id or more than 200 with 400 naming ids", async () => {
    for (const ids of ["u-1,../etc", Array.from({ length: 201 }, (_, i) => `u-${i}`).join(",")]) {
      const answer = await read(ana, ids);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.fields).toHaveProperty("ids");
    }
    const most = await read(ana, Array.from({ length: 200 }, (_, i) => `u-${i}`).join(","));
    expect(most.status).toBe(200);
  });

  it("answers 401 without a session", async () => {
    expect((await read(null, "u-1")).status).toBe(401);
  });
});
