import { describe, expect, it } from "vitest";
import { isAllowed } from "./oidc-allow-list";

const verified = (email: string) => ({ email, emailVerified: true });
const none = { allowedEmails: [], allowedDomains: [] };

describe("isAllowed", () => {
  it("lets anybody in when no list is configured, even without an email", () => {
    expect(isAllowed({ email: null, emailVerified: false }, none)).toBe(true);
    expect(isAllowed({ email: "x@evil.test", emailVerified: false }, none)).toBe(true);
  });

  it("allows a verified email on the email list", () => {
    const lists = { allowedEmails: ["ana@partner.test"], allowedDomains: [] };
    expect(isAllowed(verified("ana@partner.test"), lists)).toBe(true);
    expect(isAllowed(verified("bob@partner.test"), lists)).toBe(false);
  });

  it("allows a verified email whose domain is on the domain list", () => {
    const lists = { allowedEmails: [], allowedDomains: ["example.com"] };
    expect(isAllowed(verified("alice@example.com"), lists)).toBe(true);
    expect(isAllowed(verified("mallory@evil.test"), lists)).toBe(false);
  });

  it("accepts either list when both are configured", () => {
    const lists = { allowedEmails: ["ana@partner.test"], allowedDomains: ["example.com"] };
    expect(isAllowed(verified("ana@partner.test"), lists)).toBe(true);
    expect(isAllowed(verified("alice@example.com"), lists)).toBe(true);
    expect(isAllowed(verified("bob@partner.test"), lists)).toBe(false);
  });

  it("refuses an unverified or missing email once a list is configured", () => {
    const lists = { allowedEmails: ["alice@example.com"], allowedDomains: ["example.com"] };
    expect(isAllowed({ email: "alice@example.com", emailVerified: false }, lists)).toBe(false);
    expect(isAllowed({ email: null, emailVerified: true }, lists)).toBe(false);
  });

  it("compares case-insensitively and tolerates a leading @ on domains", () => {
    const lists = { allowedEmails: [" Ana@Partner.TEST "], allowedDomains: ["@Example.COM"] };
    expect(isAllowed(verified("ANA@partner.test"), lists)).toBe(true);
    expect(isAllowed(verified("Alice@EXAMPLE.com"), lists)).toBe(true);
  });

  it("matches domains exactly: no subdomains, no look-alikes", () => {
    const lists = { allowedEmails: [], allowedDomains: ["example.com"] };
    for (const email of [
      "eve@team.example.com",
      "eve@example.com.evil.test",
      "eve@notexample.com",
      "example.com",
      "@example.com",
      "eve@example.com@evil.test",
    ]) {
      expect(isAllowed(verified(email), lists), email).toBe(false);
    }
  });

  it("ignores blank list entries instead of treating them as a configured list", () => {
    expect(
      isAllowed(
        { email: null, emailVerified: false },
        { allowedEmails: [" "], allowedDomains: [""] },
      ),
    ).toBe(true);
  });
});
