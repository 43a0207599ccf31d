import { NextRequest } from "next/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Route handlers read cookies through next/headers, which needs Next's request scope; here a
// cookie jar of this test's own stands in (no session to begin with).
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  const store = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => {
      jar.set(name, value);
    },
    delete: (name: string) => {
      jar.delete(name);
    },
  };
  return { cookies: async () => store, headers: async () => new Headers() };
});

const ORIGIN = "http://127.0.0.1:3000";
const PASSCODE = "correct-horse-battery-staple-unit";
let POST: (request: NextRequest) => Promise<Response>;
let resetAttempts: () => void;

beforeAll(async () => {
  Object.assign(process.env, {
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: PASSCODE,
    LOG_LEVEL: "silent",
  });
  ({ POST } = await import("./route"));
  ({ resetAttempts } = await import("@/lib/auth/attempts"));
});

beforeEach(() => resetAttempts());

function signIn(body: string, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest(`${ORIGIN}/api/auth/sign-in`, {
      method: "POST",
      headers: {
        host: "127.0.0.1:3000",
        origin: ORIGIN,
        "content-type": "application/json",
        "x-inbox-peer-address": "192.0.2.50",
        ...headers,
      },
      body,
    }),
  );
}

const guess = (n: number, headers?: Record<string, string>) =>
  signIn(JSON.stringify({ name: "Guesser", passcode: `guess-${n}` }), headers);

describe("POST /api/auth/sign-in", () => {
  it("reads at most a few KB, and refuses a larger body before checking anything", async () => {
    const big = JSON.stringify({ name: "X", passcode: PASSCODE, padding: "x".repeat(8 * 1024) });
    const response = await signIn(big);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_body", message: expect.stringContaining("too large") },
    });
  });

  it("a forged X-Forwarded-For does not buy a fresh client for each guess", async () => {
    for (let i = 0; i < 5; i++) {
      const response = await guess(i, { "x-forwarded-for": `198.51.100.${i}` });
      expect(response.status).toBe(401);
    }
    const locked = await guess(5, { "x-forwarded-for": "198.51.100.200" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("one client's lockout leaves another client free to try", async () => {
    for (let i = 0; i < 5; i++) await guess(i);
    expect((await guess(5)).status).toBe(429);
    expect((await guess(6, { "x-inbox-peer-address": "192.0.2.51" })).status).toBe(401);
  });

  it("while many clients fail, a right passcode still gets in (slowed, not locked)", async () => {
    const { recordFailure } = await import("@/lib/auth/attempts");
    for (let i = 0; i < 300; i++) recordFailure(`203.0.113.${i % 250}-${i}`);
    const response = await signIn(JSON.stringify({ name: "Ana Analyst", passcode: PASSCODE }));
    expect(response.status).toBe(200);
  });
});
