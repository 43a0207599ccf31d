/** Small order statistics for the benchmark's samples (milliseconds unless said otherwise). */

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    n: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p99: percentileOfSorted(sorted, 99),
    mean: sorted.length ? total / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function median(samples: readonly number[]): number {
  return percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

/** a / b, or null when either side is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Rounds for JSON output so results.json stays readable. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Runs `fn` `iterations` times (after `warmup` untimed runs), stopping early once `maxMs` of
 * timed work has passed so a slow machine cannot stretch a section without bound.
 */
export function timeLoop(
  fn: () => unknown,
  options: { warmup: number; iterations: number; maxMs: number },
): number[] {
  for (let i = 0; i < options.warmup; i++) fn();
  const samples: number[] = [];
  const deadline = performance.now() + options.maxMs;
  for (let i = 0; i < options.iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
    if (performance.now() > deadline) break;
  }
  return samples;
}
