import { describe, expect, it } from "vitest";
import { RateBudget, sharedRateBudget, WINDOW_MS } from "./rate-budget";

function budgetAt(perMinute: number, start = 1_000_000) {
  let now = start;
  const budget = new RateBudget(perMinute, () => now);
  return {
    budget,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe("RateBudget", () => {
  it("admits up to the limit within a window, then says when the oldest slot frees", () => {
    const { budget, advance } = budgetAt(3);
    expect(budget.take()).toEqual({ ok: true });
    advance(10_000);
    expect(budget.take()).toEqual({ ok: true });
    advance(10_000);
    expect(budget.take()).toEqual({ ok: true });
    advance(5_000);
    expect(budget.take()).toEqual({ ok: false, reason: "budget", retryAfterMs: 35_000 });
  });

  it("slides: a slot frees exactly one window after it was taken", () => {
    const { budget, advance } = budgetAt(2);
    budget.take();
    advance(1_000);
    budget.take();
    advance(WINDOW_MS - 1_001);
    expect(budget.take()).toMatchObject({ ok: false, retryAfterMs: 1 });
    advance(1);
    expect(budget.take()).toEqual({ ok: true });
    // The second slot is still held until its own minute has passed.
    expect(budget.take()).toMatchObject({ ok: false, retryAfterMs: 1_000 });
  });

  it("does not count refused requests against the budget", () => {
    const { budget, advance } = budgetAt(1);
    budget.take();
    for (let i = 0; i < 5; i++) expect(budget.take().ok).toBe(false);
    advance(WINDOW_MS);
    expect(budget.take().ok).toBe(true);
  });

  it("holds everything back during a cool-down, and a shorter one never shortens it", () => {
    const { budget, advance } = budgetAt(100);
    budget.coolDown(17_000);
    budget.coolDown(2_000);
    expect(budget.take()).toEqual({ ok: false, reason: "cool-down", retryAfterMs: 17_000 });
    advance(16_999);
    expect(budget.take()).toMatchObject({ reason: "cool-down", retryAfterMs: 1 });
    advance(1);
    expect(budget.take()).toEqual({ ok: true });
  });

  it("forgets requests and cool-downs on clear", () => {
    const { budget } = budgetAt(1);
    budget.take();
    budget.coolDown(60_000);
    budget.clear();
    expect(budget.take()).toEqual({ ok: true });
  });

  it("refuses a limit below 1", () => {
    expect(() => new RateBudget(0)).toThrow(RangeError);
    expect(() => new RateBudget(1.5)).toThrow(RangeError);
  });

  it("shares one budget per process, replaced when the limit changes", () => {
    const first = sharedRateBudget(7);
    expect(sharedRateBudget(7)).toBe(first);
    expect(sharedRateBudget(8)).not.toBe(first);
  });
});
