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

describe("RateBudget: each analyst's fair share", () => {
  it("lets one analyst alone use the whole budget", () => {
    const { budget } = budgetAt(10);
    for (let i = 0; i < 10; i++) expect(budget.take("ana").ok).toBe(true);
    expect(budget.take("ana")).toMatchObject({ ok: false, reason: "budget" });
  });

  it("holds back whoever holds half while a colleague asks, and lets the colleague in", () => {
    const { budget, advance } = budgetAt(10);
    for (let i = 0; i < 8; i++) {
      expect(budget.take("ana").ok).toBe(true);
      advance(1_000);
    }
    // Ben asks: slots are left, and he gets one.
    expect(budget.take("ben")).toEqual({ ok: true });
    // Ana is over half while Ben is around: held back until enough of hers leave the window.
    const held = budget.take("ana");
    expect(held).toMatchObject({ ok: false, reason: "fair-share" });
    // Her 4th request (taken at +3 s) must leave for her to be back under 5: at +63 s.
    expect(held.ok === false && held.retryAfterMs).toBe(63_000 - 8_000);
    expect(budget.take("ben")).toEqual({ ok: true });
  });

  it("one analyst's loop never turns into 429s for a colleague", () => {
    const { budget, advance } = budgetAt(20);
    let benRefused = 0;
    let anaAdmitted = 0;
    // Ana's script asks every 100 ms for two minutes; Ben works normally, every 15 s.
    for (let t = 0; t < 120_000; t += 100) {
      if (budget.take("ana").ok) anaAdmitted++;
      if (t % 15_000 === 0 && !budget.take("ben").ok) benRefused++;
      advance(100);
    }
    expect(benRefused).toBe(0);
    // Ana still gets her half of each window.
    expect(anaAdmitted).toBeGreaterThanOrEqual(20);
  });

  it("counts work for nobody in particular toward the total only", () => {
    const { budget } = budgetAt(4);
    expect(budget.take("ana").ok).toBe(true);
    expect(budget.take(null).ok).toBe(true);
    expect(budget.take(null).ok).toBe(true);
    expect(budget.take("ana").ok).toBe(true);
    expect(budget.take("ben")).toMatchObject({ ok: false, reason: "budget" });
  });

  it("says how much of the last minute's budget is spent, and all of it during a cool-down", () => {
    const { budget, advance } = budgetAt(10);
    expect(budget.used()).toBe(0);
    for (let i = 0; i < 4; i++) budget.take("ana");
    expect(budget.used()).toBe(0.4);
    advance(WINDOW_MS);
    expect(budget.used()).toBe(0);
    budget.coolDown(1000);
    expect(budget.used()).toBe(1);
  });
});
