import { afterEach, describe, expect, it, vi } from "vitest";
import { SANDBOX_API_KEY } from "./constants";
import { isSandboxEnabled } from "./enabled";
import { serveSandboxBodyRoute, serveSandboxRoute } from "./route-adapter";

const request = () =>
  new Request("http://localhost/sandbox/v3/users/?limit=1", {
    headers: { "x-api-key": SANDBOX_API_KEY },
  });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("serveSandboxRoute", () => {
  it("serves the sandbox while DIDIT_API_KEY is unset or empty", async () => {
    vi.stubEnv("DIDIT_API_KEY", "");
    expect(isSandboxEnabled()).toBe(true);
    const response = serveSandboxRoute(request());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: unknown[] }).results).toHaveLength(1);
  });

  it("answers 404 once a real Didit key is configured", async () => {
    vi.stubEnv("DIDIT_API_KEY", "live-key");
    expect(isSandboxEnabled()).toBe(false);
    const response = serveSandboxRoute(request());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not found." });
  });
});

describe("serveSandboxBodyRoute", () => {
  const patch = () =>
    new Request("http://localhost/sandbox/v3/users/no-such-user/update-status/", {
      method: "PATCH",
      headers: { "x-api-key": SANDBOX_API_KEY, "content-type": "application/json" },
      body: JSON.stringify({ status: "BLOCKED" }),
    });

  it("reads the body and serves the sandbox while DIDIT_API_KEY is unset", async () => {
    vi.stubEnv("DIDIT_API_KEY", "");
    const response = await serveSandboxBodyRoute(patch());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not found." });
  });

  it("answers 404 without reading anything once a real Didit key is configured", async () => {
    vi.stubEnv("DIDIT_API_KEY", "live-key");
    const request = patch();
    const response = await serveSandboxBodyRoute(request);
    expect(response.status).toBe(404);
    expect(request.bodyUsed).toBe(false);
  });
});
