import { afterEach, describe, expect, it, vi } from "vitest";
import { SANDBOX_API_KEY } from "@/lib/sandbox/constants";
import { isSandboxEnabled } from "@/lib/sandbox/enabled";
import { serveSandboxRoute } from "@/lib/sandbox/route-adapter";
import { parseConfig } from "./schema";

const live = { DIDIT_API_KEY: "live-key-0123", HOSTNAME: "0.0.0.0" };
const SECRET = "s".repeat(32);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("parseConfig: sign-in", () => {
  it("needs nothing in sandbox mode", () => {
    expect(parseConfig({})).toMatchObject({
      sandbox: true,
      auth: { mode: "none" },
      sessionSecret: null,
    });
  });

  it("refuses to start with a real key and no sign-in, saying what to set", () => {
    expect(() => parseConfig(live)).toThrow(/INBOX_AUTH: DIDIT_API_KEY is set.*INBOX_PASSCODE/s);
  });

  it("allows none with a real key only on loopback", () => {
    expect(() => parseConfig({ ...live, INBOX_AUTH: "none" })).toThrow(/only on loopback/);
    expect(parseConfig({ ...live, INBOX_AUTH: "none", HOSTNAME: "127.0.0.1" }).auth.mode).toBe(
      "none",
    );
  });

  it("requires a long passcode and a session secret for passcode sign-in", () => {
    expect(() => parseConfig({ ...live, INBOX_AUTH: "passcode", INBOX_PASSCODE: "short" })).toThrow(
      /INBOX_PASSCODE: must be at least 16 characters/,
    );
    expect(() =>
      parseConfig({ ...live, INBOX_AUTH: "passcode", INBOX_PASSCODE: "p".repeat(16) }),
    ).toThrow(/INBOX_SESSION_SECRET: required/);
    const config = parseConfig({
      ...live,
      INBOX_AUTH: "passcode",
      INBOX_PASSCODE: "p".repeat(16),
      INBOX_SESSION_SECRET: SECRET,
    });
    expect(config).toMatchObject({ auth: { mode: "passcode" }, sessionSecret: SECRET });
  });

  it("requires every OIDC setting and reads the allow-lists", () => {
    expect(() =>
      parseConfig({ ...live, INBOX_AUTH: "oidc", INBOX_SESSION_SECRET: SECRET }),
    ).toThrow(/OIDC_ISSUER: required.*OIDC_CLIENT_ID: required.*INBOX_PUBLIC_URL: required/s);
    const config = parseConfig({
      ...live,
      INBOX_AUTH: "oidc",
      INBOX_SESSION_SECRET: SECRET,
      OIDC_ISSUER: "https://id.example.com/realms/x",
      OIDC_CLIENT_ID: "inbox",
      OIDC_CLIENT_SECRET: "secret",
      INBOX_PUBLIC_URL: "https://inbox.example.com/some/path",
      INBOX_ALLOWED_DOMAINS: "Example.com, @example.org",
    });
    expect(config.publicUrl).toBe("https://inbox.example.com");
    expect(config.auth).toMatchObject({
      mode: "oidc",
      publicUrl: "https://inbox.example.com",
      allowedDomains: ["example.com", "example.org"],
      roles: {
        claim: "groups",
        reviewerGroups: [],
        adminGroups: [],
        defaultRole: "viewer",
        requireMfa: false,
      },
    });
  });

  it("reads the role mapping and the second-factor rule", () => {
    const oidc = {
      ...live,
      INBOX_AUTH: "oidc",
      INBOX_SESSION_SECRET: SECRET,
      OIDC_ISSUER: "https://id.example.com",
      OIDC_CLIENT_ID: "inbox",
      OIDC_CLIENT_SECRET: "secret",
      INBOX_PUBLIC_URL: "https://inbox.example.com",
    };
    const config = parseConfig({
      ...oidc,
      INBOX_ROLES_CLAIM: "roles",
      INBOX_REVIEWER_GROUPS: "KYC-Reviewers, ops",
      INBOX_ADMIN_EMAILS: "Ada@Example.com",
      INBOX_DEFAULT_ROLE: "reviewer",
      INBOX_REQUIRE_MFA: "true",
    });
    expect(config.auth).toMatchObject({
      roles: {
        claim: "roles",
        reviewerGroups: ["kyc-reviewers", "ops"],
        adminEmails: ["ada@example.com"],
        defaultRole: "reviewer",
        requireMfa: true,
      },
    });
    expect(parseConfig({ ...oidc, INBOX_REQUIRE_MFA: "false" }).auth).toMatchObject({
      roles: { requireMfa: false },
    });
    expect(() => parseConfig({ ...oidc, INBOX_DEFAULT_ROLE: "root" })).toThrow(
      /INBOX_DEFAULT_ROLE/,
    );
    expect(() => parseConfig({ ...oidc, INBOX_REQUIRE_MFA: "yes" })).toThrow(
      /INBOX_REQUIRE_MFA: must be true or false/,
    );
  });

  it("names a bad value without echoing it", () => {
    let message = "";
    try {
      parseConfig({ INBOX_AUTH: "ldap-secret-value" });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/INBOX_AUTH: must be oidc, passcode or none/);
    expect(message).not.toContain("ldap-secret-value");
  });
});

describe("parseConfig: Didit and the server", () => {
  it("names each bad variable, never its value", () => {
    let message = "";
    try {
      parseConfig({ DIDIT_API_BASE_URL: "ftp://secret-host.example", PORT: "70000" });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/DIDIT_API_BASE_URL: must be an http\(s\) URL/);
    expect(message).toMatch(/PORT:/);
    expect(message).not.toContain("secret-host");
  });

  it("keeps the rate budget within Didit's limit, except for a server on loopback", () => {
    expect(() => parseConfig({ DIDIT_RATE_LIMIT_PER_MINUTE: "5000" })).toThrow(
      /DIDIT_RATE_LIMIT_PER_MINUTE: must be at most 600/,
    );
    const local = parseConfig({
      DIDIT_RATE_LIMIT_PER_MINUTE: "100000",
      DIDIT_API_BASE_URL: "http://127.0.0.1:9999",
    });
    expect(local.didit.rateLimitPerMinute).toBe(100_000);
  });

  it("treats a whitespace-only key as no key, and the sandbox routes agree", async () => {
    const blank = "   ";
    expect(parseConfig({ DIDIT_API_KEY: blank }).sandbox).toBe(true);
    vi.stubEnv("DIDIT_API_KEY", blank);
    expect(isSandboxEnabled()).toBe(true);
    const response = serveSandboxRoute(
      new Request("http://localhost/sandbox/v3/users/?limit=1", {
        headers: { "x-api-key": SANDBOX_API_KEY },
      }),
    );
    expect(response.status).toBe(200);
  });
});
