import { beforeEach, describe, expect, it } from "vitest";
import {
  clearFailures,
  clientKey,
  globalDelayMs,
  lockedFor,
  MAX_GLOBAL_DELAY_MS,
  MAX_LOCK_S,
  recordFailure,
  resetAttempts,
} from "./attempts";

beforeEach(() => resetAttempts());

describe("sign-in attempts", () => {
  it("locks a client out for a minute after five failures", () => {
    const now = 1_000_000;
    for (let i = 0; i < 4; i++) recordFailure("a", now + i);
    expect(lockedFor("a", now + 10)).toBe(0);
    recordFailure("a", now + 20);
    expect(lockedFor("a", now + 30)).toBe(60);
    expect(lockedFor("b", now + 30)).toBe(0);
    expect(lockedFor("a", now + 20 + 60_000)).toBe(0);
    clearFailures("a");
    expect(lockedFor("a", now + 30)).toBe(0);
  });

  it("doubles the lock with each further failure, up to an hour", () => {
    let now = 2_000_000;
    for (let i = 0; i < 5; i++) recordFailure("a", now);
    const locks: number[] = [];
    for (let i = 0; i < 8; i++) {
      now += lockedFor("a", now) * 1000;
      recordFailure("a", now);
      locks.push(lockedFor("a", now));
    }
    expect(locks).toEqual([120, 240, 480, 960, 1920, MAX_LOCK_S, MAX_LOCK_S, MAX_LOCK_S]);
  });

  it("slows everyone down when many addresses fail, but locks nobody out", () => {
    const now = 5_000_000;
    for (let i = 0; i < 100; i++) recordFailure(`addr-${i}`, now);
    expect(globalDelayMs(now + 1)).toBe(0);
    for (let i = 100; i < 200; i++) recordFailure(`addr-${i}`, now);
    expect(globalDelayMs(now + 1)).toBe(MAX_GLOBAL_DELAY_MS);
    // A client that has not failed may still try (and a right passcode gets in).
    expect(lockedFor("never-seen-before", now + 1)).toBe(0);
    expect(globalDelayMs(now + 60_001)).toBe(0);
  });

  it("tells clients apart by the connection, not by headers they can forge", () => {
    const request = (headers: Record<string, string>) => new Request("http://x/", { headers });
    expect(
      clientKey(request({ "x-inbox-peer-address": "192.0.2.10", "x-forwarded-for": "6.6.6.6" })),
    ).toBe("192.0.2.10");
    expect(
      clientKey(request({ "x-inbox-peer-address": "192.0.2.10", "x-real-ip": "6.6.6.7" })),
    ).toBe("192.0.2.10");
  });
});
