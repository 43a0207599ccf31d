import { afterEach, describe, expect, it, vi } from "vitest";
import { resetProcessSingleton } from "../runtime/process-singleton";
import { SANDBOX_USER_COUNT } from "./constants";
import { buildDefaultSandboxIndex, getDefaultSandboxIndex } from "./default-index";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
  resetProcessSingleton("sandbox-dataset");
});

describe("the process-wide sandbox dataset", () => {
  it("is generated relative to 00:00 UTC of the day it is first used", () => {
    vi.useFakeTimers({ now: new Date("2027-03-15T17:45:00Z"), toFake: ["Date"] });
    vi.stubEnv("SANDBOX_REFERENCE_TIME", "");
    resetProcessSingleton("sandbox-dataset");
    const index = getDefaultSandboxIndex();
    expect(index.referenceTime).toBe(Date.UTC(2027, 2, 15));
    expect(index.users).toHaveLength(SANDBOX_USER_COUNT);
    // Built once per process, not once per call (or per route bundle).
    vi.setSystemTime(new Date("2027-03-16T09:00:00Z"));
    expect(getDefaultSandboxIndex()).toBe(index);
  });

  it("honours SANDBOX_REFERENCE_TIME", () => {
    vi.stubEnv("SANDBOX_REFERENCE_TIME", "2026-11-01");
    resetProcessSingleton("sandbox-dataset");
    const index = getDefaultSandboxIndex();
    expect(index.referenceTime).toBe(Date.UTC(2026, 10, 1));
    expect(index.users).toEqual(
      buildDefaultSandboxIndex({ now: () => new Date("2026-11-01T13:00:00Z") }).users,
    );
  });

  it("refuses an invalid SANDBOX_REFERENCE_TIME by name, without its value", () => {
    vi.stubEnv("SANDBOX_REFERENCE_TIME", "next tuesday");
    resetProcessSingleton("sandbox-dataset");
    expect(() => getDefaultSandboxIndex()).toThrow(/^SANDBOX_REFERENCE_TIME must be an ISO 8601/);
    expect(() => getDefaultSandboxIndex()).not.toThrow(/tuesday/);
  });
});
