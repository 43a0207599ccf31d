import { describe, expect, it } from "vitest";
import { sessionCookiePolicy } from "@/lib/auth/cookie-policy";
import { parseConfig } from "@/lib/env/schema";
import { contentSecurityPolicy, deploymentHeaders } from "./security-headers";

const directive = (csp: string, name: string) =>
  csp.split("; ").find((part) => part.startsWith(`${name} `));

describe("headers that follow the deployment", () => {
  it("lets portraits load only from the configured hosts", () => {
    const defaults = parseConfig({}).portraitHosts;
    expect(defaults).toEqual(["service-didit-verification.s3.amazonaws.com"]);
    const csp = contentSecurityPolicy("n0nce", false, defaults);
    expect(directive(csp, "img-src")).toBe(
      "img-src 'self' data: blob: https://service-didit-verification.s3.amazonaws.com",
    );
    expect(csp).not.toContain("*.amazonaws.com");

    const custom = parseConfig({
      DIDIT_PORTRAIT_HOSTS: "cdn.example.com, *.Portraits.example.org",
    });
    expect(directive(contentSecurityPolicy("n", false, custom.portraitHosts), "img-src")).toBe(
      "img-src 'self' data: blob: https://cdn.example.com https://*.portraits.example.org",
    );
  });

  it("refuses a portrait host that is not a host name", () => {
    for (const bad of ["https://x.example.com", "*", "x.example.com/path", "a b.example.com"]) {
      expect(() => parseConfig({ DIDIT_PORTRAIT_HOSTS: bad })).toThrow(/DIDIT_PORTRAIT_HOSTS/);
    }
  });

  it("sends HSTS only when the public URL is https", () => {
    expect(deploymentHeaders("https://inbox.example.com")).toEqual([
      ["Strict-Transport-Security", "max-age=31536000"],
    ]);
    expect(deploymentHeaders("http://127.0.0.1:3000")).toEqual([]);
    expect(deploymentHeaders(null)).toEqual([]);
  });

  it("makes the session cookie __Host- and Secure by the public URL's scheme alone", () => {
    expect(sessionCookiePolicy("https://inbox.example.com")).toEqual({
      name: "__Host-inbox_session",
      secure: true,
    });
    // No public URL: a client's X-Forwarded-Proto is not asked, so the cookie stays plain.
    expect(sessionCookiePolicy(null)).toEqual({ name: "inbox_session", secure: false });
    expect(sessionCookiePolicy("http://127.0.0.1:3000")).toEqual({
      name: "inbox_session",
      secure: false,
    });
  });
});
