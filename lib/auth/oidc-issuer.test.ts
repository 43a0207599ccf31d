import { describe, expect, it } from "vitest";
import { allowsInsecureIssuer } from "./oidc-issuer";

describe("allowsInsecureIssuer", () => {
  it("tolerates plain http only on loopback", () => {
    expect(allowsInsecureIssuer(new URL("http://127.0.0.1:3198"))).toBe(true);
    expect(allowsInsecureIssuer(new URL("http://localhost:8080/realms/x"))).toBe(true);
    expect(allowsInsecureIssuer(new URL("http://[::1]:3198"))).toBe(true);
  });

  it("never for another host, and never needed for https", () => {
    expect(allowsInsecureIssuer(new URL("http://idp.example.com"))).toBe(false);
    expect(allowsInsecureIssuer(new URL("http://10.0.0.5"))).toBe(false);
    expect(allowsInsecureIssuer(new URL("http://127.0.0.1.evil.test"))).toBe(false);
    expect(allowsInsecureIssuer(new URL("https://127.0.0.1"))).toBe(false);
  });
});
