import { describe, expect, it } from "vitest";
import {
  type AttemptOutcome,
  BACKOFF_CAP_MS,
  backoffMs,
  isRetryable,
  MAX_ATTEMPTS,
  type RetryQuestion,
  shouldRetry,
} from "./retry-policy";

const status = (code: number): AttemptOutcome => ({ kind: "response", status: code });

describe("isRetryable", () => {
  it.each([502, 503, 504])("retries a GET answered %s", (code) => {
    expect(isRetryable("GET", status(code))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 429, 500, 501, 200, 302])("never retries HTTP %s", (code) => {
    expect(isRetryable("GET", status(code))).toBe(false);
  });

  it("retries a refused or reset connection, not a DNS or TLS failure, nor a timeout", () => {
    expect(isRetryable("GET", { kind: "network", transient: true })).toBe(true);
    expect(isRetryable("GET", { kind: "network", transient: false })).toBe(false);
    expect(isRetryable("GET", { kind: "timeout" })).toBe(false);
  });

  it("never retries anything but a GET", () => {
    expect(isRetryable("PATCH", status(503))).toBe(false);
    expect(isRetryable("POST", { kind: "network", transient: true })).toBe(false);
  });
});

describe("backoffMs", () => {
  it("grows exponentially from 200 ms with full jitter", () => {
    expect(backoffMs(0, () => 0)).toBe(0);
    expect(backoffMs(0, () => 0.999_999)).toBe(199);
    expect(backoffMs(1, () => 0.5)).toBe(200);
    expect(backoffMs(2, () => 0.5)).toBe(400);
  });

  it("is capped", () => {
    expect(backoffMs(20, () => 0.999_999)).toBeLessThan(BACKOFF_CAP_MS);
  });
});

describe("shouldRetry", () => {
  const base: RetryQuestion = {
    method: "GET",
    outcome: status(503),
    attempts: 1,
    delayMs: 100,
    remainingMs: 14_000,
    timeoutMs: 10_000,
  };

  it("allows at most two retries", () => {
    expect(shouldRetry({ ...base, attempts: 1 })).toBe(true);
    expect(shouldRetry({ ...base, attempts: 2 })).toBe(true);
    expect(shouldRetry({ ...base, attempts: MAX_ATTEMPTS })).toBe(false);
  });

  it("does not start a retry that could not run for a useful time before the deadline", () => {
    // At least 1 s (or the whole per-attempt timeout, when that is shorter) must be left.
    expect(shouldRetry({ ...base, remainingMs: 1_100, delayMs: 100 })).toBe(true);
    expect(shouldRetry({ ...base, remainingMs: 1_099, delayMs: 100 })).toBe(false);
    expect(shouldRetry({ ...base, timeoutMs: 300, remainingMs: 350, delayMs: 50 })).toBe(true);
    expect(shouldRetry({ ...base, timeoutMs: 300, remainingMs: 349, delayMs: 50 })).toBe(false);
  });

  it("never sleeps past the deadline", () => {
    expect(shouldRetry({ ...base, remainingMs: 500, delayMs: 600, timeoutMs: 100 })).toBe(false);
  });

  it("does not retry what is not retryable", () => {
    expect(shouldRetry({ ...base, outcome: status(429) })).toBe(false);
    expect(shouldRetry({ ...base, outcome: { kind: "timeout" } })).toBe(false);
  });
});
