import { describe, expect, it } from "vitest";
import { hasRole, type OidcRoleSettings, roleFromClaims, showsSecondFactor } from "./roles";

const SETTINGS: OidcRoleSettings = {
  claim: "groups",
  reviewerGroups: ["kyc-reviewers"],
  adminGroups: ["kyc-admins"],
  reviewerEmails: ["rita@example.com"],
  adminEmails: ["ada@example.com"],
  defaultRole: "viewer",
  requireMfa: false,
};

describe("roles", () => {
  it("orders viewer < reviewer < admin", () => {
    expect(hasRole("admin", "reviewer")).toBe(true);
    expect(hasRole("reviewer", "reviewer")).toBe(true);
    expect(hasRole("viewer", "reviewer")).toBe(false);
    expect(hasRole("reviewer", "admin")).toBe(false);
  });

  it("maps the configured claim's groups, case-insensitively, to the highest role", () => {
    expect(roleFromClaims({ groups: ["staff", "KYC-Reviewers"] }, null, SETTINGS)).toBe("reviewer");
    expect(roleFromClaims({ groups: ["kyc-reviewers", "kyc-admins"] }, null, SETTINGS)).toBe(
      "admin",
    );
    expect(roleFromClaims({ groups: "staff kyc-admins" }, null, SETTINGS)).toBe("admin");
    expect(roleFromClaims({ roles: ["kyc-admins"] }, null, SETTINGS)).toBe("viewer");
    expect(roleFromClaims({ roles: ["kyc-admins"] }, null, { ...SETTINGS, claim: "roles" })).toBe(
      "admin",
    );
  });

  it("maps verified emails, and falls back to the default role", () => {
    expect(roleFromClaims({}, "Ada@example.com", SETTINGS)).toBe("admin");
    expect(roleFromClaims({}, "rita@example.com", SETTINGS)).toBe("reviewer");
    expect(roleFromClaims({}, null, SETTINGS)).toBe("viewer");
    expect(roleFromClaims({}, null, { ...SETTINGS, defaultRole: "reviewer" })).toBe("reviewer");
  });

  it("ignores a groups claim of the wrong shape", () => {
    expect(roleFromClaims({ groups: { admin: true } }, null, SETTINGS)).toBe("viewer");
    expect(roleFromClaims({ groups: [1, null, "kyc-reviewers"] }, null, SETTINGS)).toBe("reviewer");
  });

  it("sees a second factor in amr or acr, and not in a password alone", () => {
    expect(showsSecondFactor({ amr: ["pwd", "otp"] })).toBe(true);
    expect(showsSecondFactor({ amr: ["hwk"] })).toBe(true);
    expect(showsSecondFactor({ amr: ["mfa"] })).toBe(true);
    expect(
      showsSecondFactor({ acr: "http://schemas.openid.net/pape/policies/2007/06/multi-factor" }),
    ).toBe(true);
    expect(showsSecondFactor({ acr: "urn:okta:loa:2fa:any" })).toBe(true);
    expect(showsSecondFactor({ amr: ["pwd"] })).toBe(false);
    expect(showsSecondFactor({ acr: "urn:mace:incommon:iap:silver" })).toBe(false);
    expect(showsSecondFactor({})).toBe(false);
  });
});
