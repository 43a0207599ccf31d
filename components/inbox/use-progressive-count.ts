"use client";

import { startTransition, useEffect, useState } from "react";

/** Rows per frame: one batch of rows renders and lays out in well under 50 ms. */
export const ROW_BATCH = 20;

/**
 * How many of `total` rows to render. The first render (the server's HTML and its hydration)
 * shows them all; when the rows change afterwards, the first batch paints at once and the rest
 * follow a batch per frame, so a 200-row page never blocks the main thread in one long task.
 */
export function useProgressiveCount(total: number, key: unknown): number {
  const [count, setCount] = useState(total);
  const [shownKey, setShownKey] = useState(key);
  if (key !== shownKey) {
    setShownKey(key);
    setCount(Math.min(total, ROW_BATCH));
  }
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() =>
      startTransition(() => setCount((shown) => Math.min(total, shown + ROW_BATCH))),
    );
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return Math.min(count, total);
}
