import { type APIRequestContext, expect, test } from "@playwright/test";
import { sealData, unsealData } from "iron-session";
import {
  E2E_PASSCODE,
  E2E_PREVIOUS_SESSION_SECRET,
  E2E_SESSION_SECRET,
  PASSCODE_URL,
} from "./servers";

/**
 * Sessions live on the server: the cookie is a sealed session id, and ending the session ends
 * every copy of it. (The 30-minute idle and 12-hour limits are counted on the session row; they
 * are tested with a clock in lib/auth/session-store.test.ts rather than by waiting here.)
 */

/** Signs in through the real route; the sealed session cookie it set. */
async function signIn(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post(`${PASSCODE_URL}/api/auth/sign-in`, {
    headers: { origin: PASSCODE_URL, "x-forwarded-for": `203.0.113.${name.length}` },
    data: { name, passcode: E2E_PASSCODE },
  });
  expect(response.status()).toBe(200);
  const cookie = response.headers()["set-cookie"]?.match(/inbox_session=([^;]+)/)?.[1];
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie;
}

async function usersWith(request: APIRequestContext, seal: string): Promise<number> {
  const response = await request.get(`${PASSCODE_URL}/api/users?limit=1`, {
    headers: { cookie: `inbox_session=${seal}` },
  });
  return response.status();
}

test("a copy of the session cookie stops working once its session signs out", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext();
  const seal = await signIn(request, "Copy Tester");
  expect(await usersWith(request, seal)).toBe(200);
  const signOut = await request.post(`${PASSCODE_URL}/api/auth/sign-out`, {
    headers: { origin: PASSCODE_URL, cookie: `inbox_session=${seal}` },
  });
  expect(signOut.status()).toBe(200);
  // The copy, sent by a client that never saw the sign-out.
  const elsewhere = await playwright.request.newContext();
  expect(await usersWith(elsewhere, seal)).toBe(401);
  await Promise.all([request.dispose(), elsewhere.dispose()]);
});

test("a cookie sealed with the previous secret is accepted during a rotation", async ({
  request,
}) => {
  const seal = await signIn(request, "Rotation Tester");
  const { sid } = await unsealData<{ sid: string }>(seal, { password: E2E_SESSION_SECRET });
  const before = await sealData({ sid }, { password: E2E_PREVIOUS_SESSION_SECRET });
  expect(await usersWith(request, before)).toBe(200);
});

test("a cookie sealed with another secret is refused", async ({ request }) => {
  const seal = await signIn(request, "Forgery Tester");
  const { sid } = await unsealData<{ sid: string }>(seal, { password: E2E_SESSION_SECRET });
  const forged = await sealData(
    { sid },
    { password: "another-secret-that-is-at-least-32-characters-long" },
  );
  expect(await usersWith(request, forged)).toBe(401);
});

test("a well-sealed id that names no session is refused", async ({ request }) => {
  const made = await sealData({ sid: "not-a-session" }, { password: E2E_SESSION_SECRET });
  expect(await usersWith(request, made)).toBe(401);
});
