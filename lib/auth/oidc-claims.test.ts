import { describe, expect, it } from "vitest";
import {
  displayName,
  MAX_NAME_LENGTH,
  needsUserInfo,
  type OidcIdentity,
  readIdentity,
  withUserInfo,
} from "./oidc-claims";

const identity = (overrides: Partial<OidcIdentity> = {}): OidcIdentity => ({
  sub: "alice",
  email: "alice@example.com",
  emailVerified: true,
  name: "Alice",
  ...overrides,
});

describe("readIdentity", () => {
  it("reads sub, a lower-cased email, its verification and the name", () => {
    expect(
      readIdentity({
        sub: "123",
        email: "Alice@Example.COM",
        email_verified: true,
        name: " Alice ",
      }),
    ).toEqual({ sub: "123", email: "alice@example.com", emailVerified: true, name: "Alice" });
  });

  it("needs a non-empty string sub", () => {
    for (const sub of [undefined, "", "  ", 42, null]) {
      expect(readIdentity({ sub, email: "a@example.com" })).toBeNull();
    }
  });

  it("treats claims of the wrong type as absent", () => {
    expect(readIdentity({ sub: "1", email: 7, email_verified: "yes", name: {} })).toEqual({
      sub: "1",
      email: null,
      emailVerified: false,
      name: null,
    });
  });

  it('accepts email_verified as the string "true" but nothing looser', () => {
    expect(
      readIdentity({ sub: "1", email: "a@b.test", email_verified: "true" })?.emailVerified,
    ).toBe(true);
    expect(
      readIdentity({ sub: "1", email: "a@b.test", email_verified: "false" })?.emailVerified,
    ).toBe(false);
    expect(readIdentity({ sub: "1", email: "a@b.test", email_verified: 1 })?.emailVerified).toBe(
      false,
    );
    expect(readIdentity({ sub: "1", email: "a@b.test" })?.emailVerified).toBe(false);
  });

  it("never calls a missing email verified", () => {
    expect(readIdentity({ sub: "1", email_verified: true })?.emailVerified).toBe(false);
  });
});

describe("needsUserInfo and withUserInfo", () => {
  it("asks for userinfo only when the ID token lacks a verified email or a name", () => {
    expect(needsUserInfo(identity())).toBe(false);
    expect(needsUserInfo(identity({ email: null, emailVerified: false }))).toBe(true);
    expect(needsUserInfo(identity({ emailVerified: false }))).toBe(true);
    expect(needsUserInfo(identity({ name: null }))).toBe(true);
  });

  it("fills what the ID token lacked", () => {
    const bare = identity({ email: null, emailVerified: false, name: null });
    expect(withUserInfo(bare, identity({ name: "Alice A." }))).toEqual(
      identity({ name: "Alice A." }),
    );
  });

  it("keeps what the ID token already said", () => {
    const fromToken = identity({ name: "Alice" });
    const other = identity({ email: "other@example.com", name: "Someone else" });
    expect(withUserInfo(fromToken, other)).toEqual(fromToken);
  });

  it("takes an email and its verification flag from the same source", () => {
    const unverified = identity({ email: "alice@example.com", emailVerified: false });
    const info = identity({ email: "alice@other.test", emailVerified: false });
    expect(withUserInfo(unverified, info)).toMatchObject({
      email: "alice@other.test",
      emailVerified: false,
    });
    const noEmail = identity({ sub: "alice", email: null, emailVerified: false, name: "A" });
    expect(withUserInfo(unverified, noEmail)).toMatchObject({
      email: "alice@example.com",
      emailVerified: false,
    });
  });
});

describe("displayName", () => {
  it("prefers the name, then the email, then a neutral word", () => {
    expect(displayName(identity())).toBe("Alice");
    expect(displayName(identity({ name: null }))).toBe("alice@example.com");
    expect(displayName(identity({ name: null, email: null }))).toBe("Analyst");
  });

  it("caps long names without splitting a character", () => {
    const name = "😀".repeat(MAX_NAME_LENGTH + 20);
    const shown = displayName(identity({ name }));
    expect(Array.from(shown)).toHaveLength(MAX_NAME_LENGTH);
    expect(shown).toBe("😀".repeat(MAX_NAME_LENGTH));
  });
});
