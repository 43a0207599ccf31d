"use client";

import { startTransition, useEffect, useState } from "react";

/** Rows per frame: one batch of rows renders and lays out in well under 50 ms. */
export const ROW_BATCH = 20;

/**
 * How long a batch waits for a frame before it runs anyway. Frames stop in a hidden or background
 * tab and can be starved on a loaded machine; the rows must still arrive (and `aria-busy` clear),
 * only later. Long enough that a normal frame (16 ms) always wins.
 */
export const FRAME_FALLBACK_MS = 100;

/**
 * Which rows are being filled in, and how many of them are shown. `key` is the rows' identity
 * (the `users` array): every change of rows makes a new object, so the effect that schedules the
 * next batch always runs again, even when the count it restarts at equals the one before.
 */
export interface Progress {
  readonly key: unknown;
  readonly count: number;
}

/** New rows: the first batch paints at once. */
export function restartProgress(key: unknown, total: number): Progress {
  return { key, count: Math.min(total, ROW_BATCH) };
}

/**
 * One more batch for the rows it was scheduled for. A batch scheduled for earlier rows (its
 * transition can land after the rows changed) leaves the newer progress alone.
 */
export function advanceProgress(progress: Progress, key: unknown, total: number): Progress {
  if (progress.key !== key || progress.count >= total) return progress;
  return { key, count: Math.min(total, progress.count + ROW_BATCH) };
}

/** The timers a batch can wait on; the browser's by default, fakes in tests. */
export interface BatchTimers {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserTimers: BatchTimers = {
  requestAnimationFrame:
    typeof requestAnimationFrame === "function"
      ? (callback) => requestAnimationFrame(callback)
      : undefined,
  cancelAnimationFrame:
    typeof cancelAnimationFrame === "function"
      ? (handle) => cancelAnimationFrame(handle)
      : undefined,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs `run` exactly once: at the next animation frame, or after FRAME_FALLBACK_MS if no frame
 * comes first. Answers a cancel function (a cancelled batch never runs).
 */
export function scheduleBatch(run: () => void, timers: BatchTimers = browserTimers): () => void {
  let done = false;
  let frame: number | undefined;
  const once = () => {
    if (done) return;
    done = true;
    if (frame !== undefined) timers.cancelAnimationFrame?.(frame);
    timers.clearTimeout(timer);
    run();
  };
  const timer = timers.setTimeout(once, FRAME_FALLBACK_MS);
  frame = timers.requestAnimationFrame?.(once);
  return () => {
    done = true;
    if (frame !== undefined) timers.cancelAnimationFrame?.(frame);
    timers.clearTimeout(timer);
  };
}

/**
 * How many of `total` rows to render. The first render (the server's HTML and its hydration)
 * shows them all; when the rows change afterwards, the first batch paints at once and the rest
 * follow a batch per frame, so a 200-row page never blocks the main thread in one long task.
 *
 * It cannot stall: every committed progress short of `total` has a batch scheduled (the effect
 * depends on the progress object, which changes with every batch and every change of rows), and
 * every scheduled batch runs, with or without frames. It used to depend on the count alone, so
 * when new rows restarted it at the count already shown (20) while the previous batch's
 * transition was still pending, no batch was scheduled again and the table stayed at 20 rows,
 * busy, for good.
 */
export function useProgressiveCount(total: number, key: unknown): number {
  const [progress, setProgress] = useState<Progress>(() => ({ key, count: total }));
  let current = progress;
  if (progress.key !== key) {
    current = restartProgress(key, total);
    setProgress(current);
  }
  useEffect(() => {
    if (progress.count >= total) return;
    const rows = progress.key;
    // A transition: a click or a keystroke meanwhile is handled before the next batch.
    return scheduleBatch(() =>
      startTransition(() => setProgress((shown) => advanceProgress(shown, rows, total))),
    );
  }, [progress, total]);
  return Math.min(current.count, total);
}
