import { describe, expect, it } from "vitest";
import { clearFailures, clientKey, lockedFor, recordFailure } from "./attempts";

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
  });

  it("bounds guessing server-wide when every guess comes from a new address", () => {
    const now = 5_000_000;
    for (let i = 0; i < 100; i++) recordFailure(`addr-${i}`, now);
    expect(lockedFor("never-seen-before", now + 1)).toBeGreaterThan(0);
    expect(lockedFor("never-seen-before", now + 60_001)).toBe(0);
  });

  it("trusts only the X-Forwarded-For entry the nearest proxy appended", () => {
    const request = (xff: string) =>
      new Request("http://x/", { headers: { "x-forwarded-for": xff } });
    expect(clientKey(request("6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
    expect(clientKey(request("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientKey(new Request("http://x/"))).toBe("direct");
  });
});
