import { describe, expect, it } from "vitest";
import { parseAuthConfig } from "./config-schema";

const sandbox = { sandbox: true, hostname: "127.0.0.1" };
const live = { sandbox: false, hostname: "0.0.0.0" };
const SECRET = "s".repeat(32);

describe("parseAuthConfig", () => {
  it("needs nothing in sandbox mode", () => {
    expect(parseAuthConfig({}, sandbox)).toMatchObject({ mode: "none", sessionSecret: null });
  });

  it("refuses to start with a real key and no sign-in, saying what to set", () => {
    expect(() => parseAuthConfig({}, live)).toThrow(
      /INBOX_AUTH: DIDIT_API_KEY is set.*INBOX_PASSCODE/s,
    );
  });

  it("allows none with a real key only on loopback", () => {
    expect(() => parseAuthConfig({ INBOX_AUTH: "none" }, live)).toThrow(/only on loopback/);
    expect(
      parseAuthConfig({ INBOX_AUTH: "none" }, { sandbox: false, hostname: "127.0.0.1" }).mode,
    ).toBe("none");
  });

  it("requires a long passcode and a session secret for passcode sign-in", () => {
    expect(() =>
      parseAuthConfig({ INBOX_AUTH: "passcode", INBOX_PASSCODE: "short" }, live),
    ).toThrow(/INBOX_PASSCODE: must be at least 16 characters/);
    expect(() =>
      parseAuthConfig({ INBOX_AUTH: "passcode", INBOX_PASSCODE: "p".repeat(16) }, live),
    ).toThrow(/INBOX_SESSION_SECRET: required/);
    const config = parseAuthConfig(
      { INBOX_AUTH: "passcode", INBOX_PASSCODE: "p".repeat(16), INBOX_SESSION_SECRET: SECRET },
      live,
    );
    expect(config).toMatchObject({ mode: "passcode", sessionSecret: SECRET });
  });

  it("requires every OIDC setting and reads the allow-lists", () => {
    expect(() =>
      parseAuthConfig({ INBOX_AUTH: "oidc", INBOX_SESSION_SECRET: SECRET }, live),
    ).toThrow(/OIDC_ISSUER: required.*OIDC_CLIENT_ID: required.*INBOX_PUBLIC_URL: required/s);
    const config = parseAuthConfig(
      {
        INBOX_AUTH: "oidc",
        INBOX_SESSION_SECRET: SECRET,
        OIDC_ISSUER: "https://id.example.com/realms/x",
        OIDC_CLIENT_ID: "inbox",
        OIDC_CLIENT_SECRET: "secret",
        INBOX_PUBLIC_URL: "https://inbox.example.com/some/path",
        INBOX_ALLOWED_DOMAINS: "Example.com, example.org",
      },
      live,
    );
    expect(config.oidc?.publicUrl).toBe("https://inbox.example.com");
    expect(config.allowedDomains).toEqual(["example.com", "example.org"]);
  });

  it("names a bad value without echoing it", () => {
    expect(() => parseAuthConfig({ INBOX_AUTH: "ldap-secret-value" }, sandbox)).toThrow(
      /INBOX_AUTH: must be oidc, passcode or none/,
    );
    try {
      parseAuthConfig({ INBOX_AUTH: "ldap-secret-value" }, sandbox);
    } catch (error) {
      expect(String(error)).not.toContain("ldap-secret-value");
    }
  });
});
