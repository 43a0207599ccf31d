import { expect, test } from "@playwright/test";
import { sealData } from "iron-session";
import { E2E_SESSION_SECRET, PASSCODE_URL } from "./servers";

/** A session cookie as the app seals it, with chosen times. */
async function sessionCookie(issuedAgoMs: number, seenAgoMs: number) {
  const now = Date.now();
  const seal = await sealData(
    {
      analyst: { id: "passcode:test", name: "Test" },
      issuedAt: now - issuedAgoMs,
      lastSeenAt: now - seenAgoMs,
    },
    { password: E2E_SESSION_SECRET, ttl: 12 * 60 * 60 },
  );
  return `inbox_session=${seal}`;
}

const MINUTE = 60_000;

test("a live session is accepted (the cookie format is the app's own)", async ({ request }) => {
  const response = await request.get(`${PASSCODE_URL}/api/users?limit=1`, {
    headers: { cookie: await sessionCookie(5 * MINUTE, MINUTE) },
  });
  expect(response.status()).toBe(200);
});

test("a session idle for more than 30 minutes is refused", async ({ request }) => {
  const response = await request.get(`${PASSCODE_URL}/api/users?limit=1`, {
    headers: { cookie: await sessionCookie(60 * MINUTE, 31 * MINUTE) },
  });
  expect(response.status()).toBe(401);
});

test("a session older than 12 hours is refused, however active", async ({ request }) => {
  const response = await request.get(`${PASSCODE_URL}/api/users?limit=1`, {
    headers: { cookie: await sessionCookie(12 * 60 * MINUTE + MINUTE, MINUTE) },
  });
  expect(response.status()).toBe(401);
});

test("a cookie sealed with another secret is refused", async ({ request }) => {
  const now = Date.now();
  const forged = await sealData(
    { analyst: { id: "x", name: "Mallory" }, issuedAt: now, lastSeenAt: now },
    { password: "another-secret-that-is-at-least-32-characters-long", ttl: 3600 },
  );
  const response = await request.get(`${PASSCODE_URL}/api/users?limit=1`, {
    headers: { cookie: `inbox_session=${forged}` },
  });
  expect(response.status()).toBe(401);
});
