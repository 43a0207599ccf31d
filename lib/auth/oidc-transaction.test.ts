import { sealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  OIDC_TRANSACTION_TTL_SECONDS,
  type OidcTransaction,
  sealTransaction,
  unsealTransaction,
} from "./oidc-transaction";

const password = "a-test-session-secret-0123456789abcdef";
const transaction: OidcTransaction = {
  codeVerifier: "v".repeat(43),
  state: "state-1",
  nonce: "nonce-1",
  returnTo: "/?status=FLAGGED",
};

afterEach(() => {
  vi.useRealTimers();
});

describe("transaction cookie", () => {
  it("round-trips", async () => {
    const sealed = await sealTransaction(transaction, password);
    expect(sealed).not.toContain("state-1");
    expect(await unsealTransaction(sealed, password)).toEqual(transaction);
  });

  it("is null when missing, tampered with or sealed with another key", async () => {
    const sealed = await sealTransaction(transaction, password);
    expect(await unsealTransaction(undefined, password)).toBeNull();
    expect(await unsealTransaction("", password)).toBeNull();
    expect(await unsealTransaction("not-a-seal", password)).toBeNull();
    expect(await unsealTransaction(`${sealed.slice(0, -4)}AAAA`, password)).toBeNull();
    expect(await unsealTransaction(sealed, `${password}-other`)).toBeNull();
  });

  it("expires after ten minutes", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
    const sealed = await sealTransaction(transaction, password);
    vi.setSystemTime(Date.now() + (OIDC_TRANSACTION_TTL_SECONDS - 30) * 1000);
    expect(await unsealTransaction(sealed, password)).toEqual(transaction);
    vi.setSystemTime(Date.now() + 120 * 1000);
    expect(await unsealTransaction(sealed, password)).toBeNull();
  });

  it("refuses other data sealed with the same key, such as a session", async () => {
    const session = await sealData({ analyst: { id: "x", name: "X" } }, { password });
    expect(await unsealTransaction(session, password)).toBeNull();
  });

  it("re-checks the return path", async () => {
    const sealed = await sealData({ ...transaction, returnTo: "//evil.test" }, { password });
    expect((await unsealTransaction(sealed, password))?.returnTo).toBe("/");
  });
});
