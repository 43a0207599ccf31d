import type { BenchResults } from "./report";

/**
 * The budgets each figure is held to. They are printed, never asserted: a run on a noisy shared
 * machine informs, it does not pass or fail a build.
 */

export interface Budget {
  id: string;
  label: string;
  /** null when the section did not produce the figure. */
  value: number | null;
  limit: number;
  comparator: "<=" | ">=";
  unit: string;
  pass: boolean | null;
  /** "✓ 1.2 ms under" / "✗ 3 points below", or why there is no verdict. */
  verdict: string;
}

function fmt(value: number, unit: string): string {
  if (unit === "pts") return `${Math.round(value)} pts`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  if (unit === "×") return `${value.toFixed(digits)}×`;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

export function judge(
  id: string,
  label: string,
  value: number | null | undefined,
  comparator: "<=" | ">=",
  limit: number,
  unit: string,
): Budget {
  if (value == null || !Number.isFinite(value)) {
    return {
      id,
      label,
      value: null,
      limit,
      comparator,
      unit,
      pass: null,
      verdict: "– not measured",
    };
  }
  const pass = comparator === "<=" ? value <= limit : value >= limit;
  const by = Math.abs(value - limit);
  const pct = limit !== 0 ? ` (${Math.round((by / Math.abs(limit)) * 100)}%)` : "";
  const word = comparator === "<=" ? (pass ? "under" : "over") : pass ? "above" : "below";
  const verdict =
    by === 0 ? "✓ exactly at budget" : `${pass ? "✓" : "✗"} ${fmt(by, unit)}${pct} ${word}`;
  return { id, label, value, limit, comparator, unit, pass, verdict };
}

export function evaluateBudgets(r: BenchResults): Budget[] {
  const proxy = r.sections.proxyLoad.ok ? r.sections.proxyLoad.data : null;
  const at50 = proxy?.limits.find((l) => l.limit === 50);
  const validation = r.sections.validation.ok ? r.sections.validation.data : null;
  const sandbox = r.sections.sandboxQueries.ok ? r.sections.sandboxQueries.data : null;
  const big = sandbox?.datasets.find((d) => d.users === 100_000);
  const weight = r.sections.pageWeight.ok ? r.sections.pageWeight.data : null;
  const rows = r.sections.timeToRows.ok ? r.sections.timeToRows.data : null;
  const lh = r.sections.lighthouse.ok ? r.sections.lighthouse.data : null;
  const desktop = lh?.runs.find((run) => run.preset === "desktop");
  const memory = r.sections.memory.ok ? r.sections.memory.data : null;
  const exported = r.sections.exportMemory?.ok ? r.sections.exportMemory.data : null;

  const group = (kind: string) => rows?.groups.find((g) => g.kind === kind && g.limit === 200);
  const overUpstream = (kind: string) => {
    const g = group(kind);
    // "New rows painted": the first batch; the rest of a 200-row page follows a batch per frame
    // (the report shows the time to all rows beside it).
    return g && g.upstreamP50Ms !== null ? g.clickToFirstPaintP50Ms - g.upstreamP50Ms : null;
  };
  const longest200 = rows
    ? Math.max(...rows.interactions.filter((x) => x.limit === 200).map((x) => x.longestTaskMs))
    : null;

  return [
    judge(
      "proxy.throughput",
      "proxy throughput / direct, limit=50",
      at50?.ratios.throughput,
      ">=",
      0.5,
      "×",
    ),
    judge(
      "proxy.addedP50",
      "p50 added latency, limit=50, 1 conn",
      at50?.addedLatencyMs.unloadedP50,
      "<=",
      3,
      "ms",
    ),
    judge(
      "validation.page200",
      "validate a 200-record page (p50)",
      validation?.validateMs.p50,
      "<=",
      2,
      "ms",
    ),
    judge(
      "sandbox.p50.100k",
      "sandbox filtered+searched p50, 100k users",
      big?.filteredMs.p50,
      "<=",
      5,
      "ms",
    ),
    judge(
      "pageWeight.js",
      "JS downloaded for / (compressed)",
      weight ? weight.jsTransferBytes / 1000 : null,
      "<=",
      180,
      "kB",
    ),
    judge(
      "rows.filter200",
      "filter change → first rows, 200 rows, minus upstream",
      overUpstream("filter"),
      "<=",
      100,
      "ms",
    ),
    judge(
      "rows.page200",
      "page change → first rows, 200 rows, minus upstream",
      overUpstream("page"),
      "<=",
      100,
      "ms",
    ),
    judge("rows.longTask200", "longest main-thread task, 200 rows", longest200, "<=", 50, "ms"),
    judge("rows.coldLcp", "cold load LCP (p50)", rows?.coldLcpP50Ms, "<=", 1000, "ms"),
    judge(
      "lighthouse.performance",
      "Lighthouse performance (desktop)",
      desktop?.scores.performance,
      ">=",
      95,
      "pts",
    ),
    judge(
      "lighthouse.accessibility",
      "Lighthouse accessibility (desktop)",
      desktop?.scores.accessibility,
      ">=",
      100,
      "pts",
    ),
    judge(
      "lighthouse.bestPractices",
      "Lighthouse best practices (desktop)",
      desktop?.scores["best-practices"],
      ">=",
      95,
      "pts",
    ),
    judge(
      "memory.peakRss",
      "server peak RSS under load",
      memory?.peakSampledRssMB,
      "<=",
      300,
      "MB",
    ),
    // Holding the rows, or only their CSV text (over 25 MB for 100,000 users), would show here.
    judge(
      "export.heapGrowth",
      "100,000-user export heap growth",
      exported?.big.heapGrowthMB,
      "<=",
      16,
      "MB",
    ),
    judge(
      "export.rssGrowth",
      "100,000-user export RSS growth",
      exported?.big.rssGrowthMB,
      "<=",
      64,
      "MB",
    ),
  ];
}
