import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { QueuePage } from "@/lib/api/types";
import { describeEachDatabase } from "@/lib/testing/databases";
import { sendJson } from "@/lib/testing/fake-upstream";
import {
  apiRequest,
  call,
  configure,
  diditKnows,
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

type Params = { queue: string };
const CLAIM_MINUTES = 20;
let upstream: FakeDidit;
let queues: RouteHandler<Params>;
let claims: { POST: RouteHandler; DELETE: RouteHandler };
let decisions: RouteHandler;
let review: RouteHandler<{ id: string }>;

/** Didit knows user-0 … user-29, all FLAGGED. */
const KNOWN = Object.fromEntries(
  Array.from({ length: 30 }, (_, n) => [`user-${n}`, { id: `u-${n}`, status: "FLAGGED" }]),
);

beforeAll(async () => {
  upstream = await configure({
    INBOX_FOUR_EYES: "block",
    INBOX_FOUR_EYES_HOURS: "1",
    INBOX_CLAIM_MINUTES: String(CLAIM_MINUTES),
  });
  queues = (await import("./[queue]/route")).GET as unknown as RouteHandler<Params>;
  claims = (await import("../claims/route")) as unknown as typeof claims;
  decisions = (await import("../decisions/route")).POST as unknown as RouteHandler;
  review = (await import("../proposals/[id]/route")).POST as unknown as RouteHandler<{
    id: string;
  }>;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

beforeEach(() => {
  upstream.requests.length = 0;
  diditKnows(upstream, KNOWN);
});

const queue = async (who: TestAnalyst | null, name: string) => {
  const answer = await call(who, queues, apiRequest(`/api/queues/${name}`), { queue: name });
  return answer as { status: number; body: QueuePage & { error?: { code: string } } };
};

const userGets = () =>
  upstream.requests
    .filter((request) => request.method === "GET")
    .map((request) => request.url.pathname)
    .sort();

describeEachDatabase("GET /api/queues/{queue}", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    vic = await signIn("Vic Viewer", "viewer");
  });

  async function claim(who: TestAnalyst, userId: string, vendorData: string | null) {
    const answer = await call(
      who,
      claims.POST,
      apiRequest("/api/claims", { method: "POST", body: { userId, vendorData } }),
    );
    expect(answer.status).toBe(200);
  }

  async function proposeBlock(n: number) {
    const answer = await call(
      ana,
      decisions,
      apiRequest("/api/decisions", {
        method: "POST",
        body: {
          users: [{ id: `u-${n}`, vendorData: `user-${n}`, status: "FLAGGED" }],
          status: "BLOCKED",
          reason: "Sanctions match confirmed",
        },
      }),
    );
    expect(answer.body.results[0].outcome).toBe("proposed");
  }

  describe("mine", () => {
    it("lists the analyst's own claims, oldest first, each read from Didit's single-user endpoint", async () => {
      await claim(ana, "u-1", "user-1");
      await withClockShiftedBy(-MINUTE, () => claim(ana, "u-2", "user-2"));
      await claim(bo, "u-3", "user-3");
      upstream.requests.length = 0;

      const answer = await queue(ana, "mine");
      expect(answer.status).toBe(200);
      expect(answer.body.users.map((user) => [user.id, user.vendorData, user.status])).toEqual([
        ["u-2", "user-2", "FLAGGED"],
        ["u-1", "user-1", "FLAGGED"],
      ]);
      expect(answer.body.missing).toEqual([]);
      expect(userGets()).toEqual(["/v3/users/user-1/", "/v3/users/user-2/"]);

      const bos = await queue(bo, "mine");
      expect(bos.body.users.map((user) => user.id)).toEqual(["u-3"]);
    });

    it("leaves out released and expired claims", async () => {
      const cy = await signIn("Cy Reviewer");
      await claim(cy, "u-4", "user-4");
      await claim(cy, "u-5", "user-5");
      await withClockShiftedBy(-(CLAIM_MINUTES + 1) * MINUTE, () => claim(cy, "u-6", "user-6"));
      const released = await call(
        cy,
        claims.DELETE,
        apiRequest("/api/claims?user=u-5", { method: "DELETE" }),
      );
      expect(released.status).toBe(200);
      upstream.requests.length = 0;
      const answer = await queue(cy, "mine");
      expect(answer.body.users.map((user) => user.id)).toEqual(["u-4"]);
      expect(userGets()).toEqual(["/v3/users/user-4/"]);
    });

    it("names the users Didit cannot be asked about or does not know, instead of hiding them", async () => {
      const dee = await signIn("Dee Reviewer");
      await claim(dee, "u-no-vendor", null);
      await claim(dee, "u-dot", ".");
      await claim(dee, "u-gone", "user-gone");
      await claim(dee, "u-7", "user-7");
      upstream.requests.length = 0;
      const answer = await queue(dee, "mine");
      expect(answer.status).toBe(200);
      expect(answer.body.users.map((user) => user.id)).toEqual(["u-7"]);
      const missing = [...answer.body.missing].sort((a, b) => a.userId.localeCompare(b.userId));
      expect(missing).toEqual([
        { userId: "u-dot", vendorData: ".", message: expect.stringContaining("cannot address") },
        { userId: "u-gone", vendorData: "user-gone", message: expect.any(String) },
        {
          userId: "u-no-vendor",
          vendorData: null,
          message: expect.stringMatching(/no vendor data/),
        },
      ]);
      // Only the addressable users were asked about.
      expect(userGets()).toEqual(["/v3/users/user-7/", "/v3/users/user-gone/"]);
    });

    it("fails the whole queue when Didit refuses the key, as a list would", async () => {
      const eve = await signIn("Eve Reviewer");
      await claim(eve, "u-8", "user-8");
      upstream.respondWith((_, res) => sendJson(res, 401, { detail: "Invalid API key" }));
      const answer = await queue(eve, "mine");
      expect(answer.status).toBe(502);
      expect(answer.body.error?.code).toBe("upstream_auth");
    });

    it("is empty for an analyst without claims, a viewer included", async () => {
      const answer = await queue(vic, "mine");
      expect(answer).toEqual({ status: 200, body: { users: [], missing: [] } });
      expect(upstream.requests).toHaveLength(0);
    });
  });

  describe("approval", () => {
    it("lists the pending proposals' users, read from Didit, until they are reviewed", async () => {
      await proposeBlock(10);
      await proposeBlock(11);
      await withClockShiftedBy(-61 * MINUTE, () => proposeBlock(12));
      upstream.requests.length = 0;

      const answer = await queue(bo, "approval");
      expect(answer.status).toBe(200);
      expect(answer.body.users.map((user) => user.id)).toEqual(["u-10", "u-11"]);
      expect(userGets()).toEqual(["/v3/users/user-10/", "/v3/users/user-11/"]);
      // The proposer sees the same queue (the UI marks theirs).
      expect((await queue(ana, "approval")).body.users.map((user) => user.id)).toEqual([
        "u-10",
        "u-11",
      ]);

      const { rowsOf } = await import("@/lib/testing/teamwork-routes");
      const pending = (await rowsOf("proposals")).find(
        (row) => row.userId === "u-10" && row.state === "pending",
      );
      const approved = await call(
        bo,
        review,
        apiRequest(`/api/proposals/${pending?.id}`, {
          method: "POST",
          body: { action: "approve" },
        }),
        { id: String(pending?.id) },
      );
      expect(approved.status).toBe(200);
      expect((await queue(bo, "approval")).body.users.map((user) => user.id)).toEqual(["u-11"]);
    });
  });

  describe("approval: users Didit does not know", () => {
    it("are named with their id and vendor data only, not the rest of the proposal", async () => {
      const answer = await call(
        ana,
        decisions,
        apiRequest("/api/decisions", {
          method: "POST",
          body: {
            users: [{ id: "u-ghost", vendorData: "user-ghost", status: "FLAGGED" }],
            status: "BLOCKED",
            reason: "Synthetic identity",
          },
        }),
      );
      expect(answer.body.results[0].outcome).toBe("proposed");
      const approval = await queue(bo, "approval");
      expect(approval.status).toBe(200);
      expect(approval.body.missing).toEqual([
        {
          userId: "u-ghost",
          vendorData: "user-ghost",
          message: "This user no longer exists in Didit.",
        },
      ]);
    });
  });

  describe("refusals", () => {
    it("answers 404 for a queue that does not exist, asking Didit nothing", async () => {
      for (const name of ["theirs", "MINE", ""]) {
        const answer = await queue(ana, name);
        expect(answer.status).toBe(404);
        expect(answer.body.error?.code).toBe("not_found");
      }
      expect(upstream.requests).toHaveLength(0);
    });

    it("answers 401 without a session", async () => {
      expect((await queue(null, "mine")).status).toBe(401);
      expect((await queue(null, "approval")).status).toBe(401);
    });
  });
});
