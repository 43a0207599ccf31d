import { AuthorizationResponseError, ClientError, ResponseBodyError } from "openid-client";
import { describe, expect, it } from "vitest";
import { describeOidcError, OidcSignInError } from "./oidc-error";

describe("describeOidcError", () => {
  it("keeps the name, code and OAuth error code of openid-client errors", () => {
    const params = new URLSearchParams({
      error: "access_denied",
      error_description: "alice@example.com said no",
      state: "s3cr3t",
    });
    const failure = describeOidcError(
      new AuthorizationResponseError("authorization response from the server is an error", {
        cause: params,
      }),
    );
    expect(failure).toEqual({
      name: "AuthorizationResponseError",
      code: "OAUTH_AUTHORIZATION_RESPONSE_ERROR",
      oauthError: "access_denied",
    });
  });

  it("keeps the code of a token endpoint refusal but none of its body", async () => {
    const body = { error: "invalid_grant", error_description: "code abc123 was already used" };
    const response = Response.json(body, { status: 400 });
    const failure = describeOidcError(
      new ResponseBodyError("server responded with an error in the response body", {
        cause: body,
        response,
      }),
    );
    expect(failure).toEqual({
      name: "ResponseBodyError",
      code: "OAUTH_RESPONSE_BODY_ERROR",
      oauthError: "invalid_grant",
    });
    expect(JSON.stringify(failure)).not.toContain("abc123");
  });

  it("drops messages, and codes that are not plain identifiers", () => {
    const error = Object.assign(new ClientError("token eyJhbGciOi… rejected"), {
      code: "contains spaces and alice@example.com",
    });
    expect(describeOidcError(error)).toEqual({ name: "ClientError" });
  });

  it("describes the inbox's own failures and non-errors", () => {
    expect(describeOidcError(new OidcSignInError("missing_transaction"))).toEqual({
      name: "OidcSignInError",
      code: "missing_transaction",
    });
    expect(describeOidcError("a string")).toEqual({ name: "NonError" });
  });
});

describe("describeOidcError under minification", () => {
  it("names library errors by their class, not by a mangled name", () => {
    const error = new ClientError("unexpected response");
    Object.defineProperty(error, "name", { value: "tr" });
    expect(describeOidcError(error).name).toBe("ClientError");
  });
});
