import { sealData } from "iron-session";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Route handlers read cookies through next/headers; a cookie jar of this test's own stands in.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) jar.delete(name);
      else jar.set(name, value);
    },
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const ORIGIN = "http://127.0.0.1:3000";
const PASSCODE = "correct-horse-battery-staple-unit";
const SECRET = "s".repeat(40);
const PREVIOUS = "p".repeat(40);
const COOKIE = "inbox_session";

type Handler = (request: NextRequest, segment?: unknown) => Promise<Response>;
let signInRoute: Handler;
let signOutRoute: Handler;
let activityRoute: Handler;
let adminSessions: { GET: Handler; DELETE: Handler };
let decisionsRoute: Handler;
let createSession: typeof import("@/lib/auth/session-store").createSession;
let getDatabase: typeof import("@/lib/db/database").getDatabase;

beforeAll(async () => {
  Object.assign(process.env, {
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: PASSCODE,
    INBOX_SESSION_SECRET: SECRET,
    INBOX_SESSION_SECRET_PREVIOUS: PREVIOUS,
    LOG_LEVEL: "silent",
  });
  signInRoute = (await import("./sign-in/route")).POST as Handler;
  signOutRoute = (await import("./sign-out/route")).POST as Handler;
  activityRoute = (await import("../activity/route")).GET as Handler;
  adminSessions = (await import("../admin/sessions/route")) as unknown as typeof adminSessions;
  decisionsRoute = (await import("../decisions/route")).POST as Handler;
  ({ createSession } = await import("@/lib/auth/session-store"));
  ({ getDatabase } = await import("@/lib/db/database"));
});

function request(path: string, init: { method?: string; body?: unknown; activity?: boolean } = {}) {
  const headers: Record<string, string> = {
    host: "127.0.0.1:3000",
    origin: ORIGIN,
    "x-inbox-peer-address": "192.0.2.60",
  };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.activity) headers["x-inbox-activity"] = "1";
  return new NextRequest(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** Signs in as `name` in a fresh jar; the sealed cookie it got. */
async function signIn(name: string): Promise<string> {
  jar.clear();
  const response = await signInRoute(
    request("/api/auth/sign-in", { method: "POST", body: { name, passcode: PASSCODE } }),
  );
  expect(response.status).toBe(200);
  const cookie = jar.get(COOKIE);
  if (!cookie) throw new Error("no session cookie was set");
  return cookie;
}

/** Whether a request carrying `cookie` is signed in. */
async function readsWith(cookie: string): Promise<number> {
  jar.clear();
  jar.set(COOKIE, cookie);
  return (await activityRoute(request("/api/activity"))).status;
}

describe("sessions kept on the server", () => {
  it("the cookie holds only a sealed session id, not the analyst", async () => {
    const cookie = await signIn("Ana Analyst");
    expect(cookie).not.toContain("Ana");
    const { unsealData } = await import("iron-session");
    expect(Object.keys(await unsealData(cookie, { password: SECRET }))).toEqual(["sid"]);
  });

  it("after sign-out, a copy of the cookie no longer works", async () => {
    const cookie = await signIn("Ana Analyst");
    expect(await readsWith(cookie)).toBe(200);
    jar.set(COOKIE, cookie);
    expect((await signOutRoute(request("/api/auth/sign-out", { method: "POST" }))).status).toBe(
      200,
    );
    expect(await readsWith(cookie)).toBe(401);
  });

  it("sign out everywhere ends the analyst's other sessions, and nobody else's", async () => {
    const laptop = await signIn("Bea Analyst");
    const phone = await signIn("Bea Analyst");
    const colleague = await signIn("Cy Analyst");
    jar.clear();
    jar.set(COOKIE, laptop);
    const response = await signOutRoute(
      request("/api/auth/sign-out", { method: "POST", body: { everywhere: true } }),
    );
    expect(await response.json()).toEqual({ ok: true, ended: 2 });
    expect(await readsWith(laptop)).toBe(401);
    expect(await readsWith(phone)).toBe(401);
    expect(await readsWith(colleague)).toBe(200);
  });

  it("a bad sign-out body changes nothing", async () => {
    const cookie = await signIn("Dee Analyst");
    jar.set(COOKIE, cookie);
    const response = await signOutRoute(
      request("/api/auth/sign-out", { method: "POST", body: { everywhere: "yes" } }),
    );
    expect(response.status).toBe(400);
    expect(await readsWith(cookie)).toBe(200);
  });

  it("accepts a cookie sealed with the previous secret during a rotation, and no other", async () => {
    const cookie = await signIn("Eve Analyst");
    const { unsealData } = await import("iron-session");
    const { sid } = await unsealData<{ sid: string }>(cookie, { password: SECRET });
    const sealedBefore = await sealData({ sid }, { password: PREVIOUS });
    expect(await readsWith(sealedBefore)).toBe(200);
    const forged = await sealData({ sid }, { password: "x".repeat(40) });
    expect(await readsWith(forged)).toBe(401);
  });

  it("a sealed id that names no session is refused", async () => {
    expect(await readsWith(await sealData({ sid: "made-up" }, { password: SECRET }))).toBe(401);
  });
});

describe("roles in the route handlers", () => {
  async function sessionWithRole(role: "viewer" | "reviewer" | "admin"): Promise<string> {
    const { db } = await getDatabase();
    const session = await createSession(
      db,
      { id: `oidc:${role}`, name: `A ${role}`, role, authMode: "oidc" },
      new Date(),
    );
    return sealData({ sid: session.id }, { password: SECRET });
  }

  it("a viewer reads, but a decision is refused with 403 and nothing is sent", async () => {
    const viewer = await sessionWithRole("viewer");
    expect(await readsWith(viewer)).toBe(200);
    jar.set(COOKIE, viewer);
    const response = await decisionsRoute(
      request("/api/decisions", {
        method: "POST",
        body: { users: [{ id: "u1", vendorData: "v1" }], status: "BLOCKED", reason: "Fraud ring" },
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden_role" } });
  });

  it("only an admin lists and ends sessions", async () => {
    jar.clear();
    jar.set(COOKIE, await sessionWithRole("reviewer"));
    expect((await adminSessions.GET(request("/api/admin/sessions"))).status).toBe(403);

    const target = await signIn("Fay Analyst");
    jar.clear();
    jar.set(COOKIE, await sessionWithRole("admin"));
    const listed = (await (await adminSessions.GET(request("/api/admin/sessions"))).json()) as {
      sessions: { handle: string; analystName: string; analystId: string }[];
    };
    const fay = listed.sessions.find((s) => s.analystName === "Fay Analyst");
    expect(fay?.handle).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(listed)).not.toContain(target);
    const ended = await adminSessions.DELETE(
      request(`/api/admin/sessions?analyst=${encodeURIComponent(fay?.analystId ?? "")}`, {
        method: "DELETE",
      }),
    );
    expect(await ended.json()).toEqual({ ended: 1 });
    expect(await readsWith(target)).toBe(401);
  });
});
