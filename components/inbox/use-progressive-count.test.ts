import { describe, expect, it } from "vitest";
import {
  advanceProgress,
  type BatchTimers,
  FRAME_FALLBACK_MS,
  type Progress,
  ROW_BATCH,
  restartProgress,
  scheduleBatch,
} from "./use-progressive-count";

/** Frames and timers that fire only when the test says so. */
function fakeTimers() {
  const frames = new Map<number, () => void>();
  const timeouts = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const timers: BatchTimers = {
    requestAnimationFrame: (callback) => {
      frames.set(next, callback);
      return next++;
    },
    cancelAnimationFrame: (handle) => frames.delete(handle),
    setTimeout: (callback, ms) => {
      timeouts.set(next, { callback, ms });
      return next++;
    },
    clearTimeout: (handle) => timeouts.delete(handle as number),
  };
  const fire = <T>(pending: Map<number, T>, call: (entry: T) => void) => {
    const entries = [...pending.entries()];
    pending.clear();
    for (const [, entry] of entries) call(entry);
  };
  return {
    timers,
    frames,
    timeouts,
    frame: () => fire(frames, (callback) => callback()),
    timeout: () => fire(timeouts, ({ callback }) => callback()),
  };
}

describe("scheduleBatch", () => {
  it("runs once at the next frame, and drops the fallback", () => {
    const fake = fakeTimers();
    const runs: string[] = [];
    scheduleBatch(() => runs.push("batch"), fake.timers);
    expect([...fake.timeouts.values()].map((t) => t.ms)).toEqual([FRAME_FALLBACK_MS]);
    fake.frame();
    expect(runs).toEqual(["batch"]);
    expect(fake.timeouts.size).toBe(0);
    fake.timeout();
    expect(runs).toEqual(["batch"]);
  });

  it("runs once on the fallback when no frame comes (hidden tab, starved compositor)", () => {
    const fake = fakeTimers();
    const runs: string[] = [];
    scheduleBatch(() => runs.push("batch"), fake.timers);
    fake.timeout();
    expect(runs).toEqual(["batch"]);
    expect(fake.frames.size).toBe(0);
    fake.frame();
    expect(runs).toEqual(["batch"]);
  });

  it("runs on the fallback where there are no frames at all", () => {
    const fake = fakeTimers();
    const runs: string[] = [];
    const { requestAnimationFrame: _, cancelAnimationFrame: __, ...noFrames } = fake.timers;
    scheduleBatch(() => runs.push("batch"), noFrames);
    fake.timeout();
    expect(runs).toEqual(["batch"]);
  });

  it("never runs once cancelled", () => {
    const fake = fakeTimers();
    const runs: string[] = [];
    const cancel = scheduleBatch(() => runs.push("batch"), fake.timers);
    cancel();
    fake.frame();
    fake.timeout();
    expect(runs).toEqual([]);
    expect(fake.frames.size + fake.timeouts.size).toBe(0);
  });
});

describe("progress", () => {
  it("paints the first batch at once, then a batch per step up to the total", () => {
    const rows = ["50 rows"];
    let progress = restartProgress(rows, 50);
    const counts = [progress.count];
    while (progress.count < 50) {
      progress = advanceProgress(progress, rows, 50);
      counts.push(progress.count);
    }
    expect(counts).toEqual([ROW_BATCH, 2 * ROW_BATCH, 50]);
    expect(advanceProgress(progress, rows, 50)).toBe(progress);
  });

  it("shows short pages whole", () => {
    expect(restartProgress([], 0).count).toBe(0);
    expect(restartProgress([], 7).count).toBe(7);
  });

  it("new rows restarting at the count already shown still make a new progress", () => {
    // The stall this guards against: 50 rows at 20, a batch's transition pending, then 50 other
    // rows restart at 20. The effect that schedules the next batch must see a change.
    const before: Progress = restartProgress(["first 50"], 50);
    const after = restartProgress(["other 50"], 50);
    expect(after.count).toBe(before.count);
    expect(after).not.toBe(before);
    expect(Object.is(after, before)).toBe(false);
  });

  it("a late batch for earlier rows leaves the newer rows' progress alone", () => {
    const earlier = ["earlier"];
    const newer = restartProgress(["newer"], 50);
    expect(advanceProgress(newer, earlier, 50)).toBe(newer);
  });

  it("never stalls: however batches and row changes interleave, the last rows fill up", () => {
    // A model of the hook: state, a pending batch per committed progress (the effect), and
    // batches whose update lands late (an interrupted transition).
    const fake = fakeTimers();
    let state = restartProgress(["a"], 50);
    let cancel: (() => void) | undefined;
    const late: (() => void)[] = [];
    const commit = (next: Progress) => {
      if (next === state && cancel) return; // same object: React bails out, the effect stays
      state = next;
      cancel?.();
      cancel = undefined;
      if (state.count >= 50) return;
      const rows = state.key;
      cancel = scheduleBatch(
        () => late.push(() => commit(advanceProgress(state, rows, 50))),
        fake.timers,
      );
    };
    commit(state);
    fake.frame(); // the batch for "a" fires; its update is held back
    commit(restartProgress(["b"], 50)); // new rows at the same count
    for (const update of late.splice(0)) update(); // the late update lands
    for (let step = 0; step < 10 && state.count < 50; step++) {
      if (step % 2) fake.frame();
      else fake.timeout(); // frames may not come at all
      for (const update of late.splice(0)) update();
    }
    expect(state).toMatchObject({ key: ["b"], count: 50 });
  });
});
