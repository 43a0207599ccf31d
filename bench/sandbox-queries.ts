import { FIXED_REFERENCE_TIME } from "../lib/sandbox/constants";
import { generateUsers } from "../lib/sandbox/dataset";
import { buildSandboxIndex, querySandbox, type SandboxQuery } from "../lib/sandbox/query";
import { ratio, round, summarize } from "./stats";

/**
 * Section 3, sandbox query cost: a fixed set of filtered and searched queries over generated
 * datasets of 5,000 (the built-in size) and 100,000 users, against an unfiltered query over the
 * same index. Each query runs round-robin so no one query gets the caches to itself.
 */

const DAY = 86_400_000;
// A fixed "now", not today's: the dataset, and so each query's matches, are then the same in
// every run, and figures from different days compare.
const NOW = FIXED_REFERENCE_TIME;

/** Filtered (status, country or a date window) and searched: what an analyst types. */
const QUERIES: ReadonlyArray<{ name: string; query: Omit<SandboxQuery, "limit" | "offset"> }> = [
  { name: "flagged + 'ann'", query: { status: "FLAGGED", search: "ann" } },
  { name: "active + 'maria'", query: { status: "ACTIVE", search: "maria" } },
  { name: "blocked + 'chen'", query: { status: "BLOCKED", search: "chen" } },
  { name: "ESP + 'gar'", query: { country: "ESP", search: "gar" } },
  { name: "flagged + '+34'", query: { status: "FLAGGED", search: "+34" } },
  { name: "active + 'müller' (folded)", query: { status: "ACTIVE", search: "müller" } },
  {
    name: "created 180 d + 'li'",
    query: { createdAfter: NOW - 180 * DAY, createdBefore: NOW, search: "li" },
  },
  {
    name: "active 90 d + 'zzzz' (no match)",
    query: { lastActivityAfter: NOW - 90 * DAY, search: "zzzz" },
  },
];
const BASELINE: Omit<SandboxQuery, "limit" | "offset"> = {};

export interface DatasetResult {
  users: number;
  generateMs: number;
  indexMs: number;
  rounds: number;
  filteredMs: { p50: number; p99: number; mean: number };
  unfilteredMs: { p50: number; p99: number; mean: number };
  ratioP50: number | null;
  worstQuery: { name: string; p50: number };
  perQuery: Array<{ name: string; matches: number; p50: number; p99: number }>;
}

export interface SandboxQueriesResult {
  limit: number;
  datasets: DatasetResult[];
}

function measureDataset(
  size: number,
  options: { rounds: number; maxMs: number; limit: number },
): DatasetResult {
  let started = performance.now();
  const users = generateUsers(size, { referenceTime: NOW });
  const generateMs = performance.now() - started;
  started = performance.now();
  const index = buildSandboxIndex(users, { referenceTime: NOW });
  const indexMs = performance.now() - started;

  const page = { limit: options.limit, offset: 0 };
  const all = [...QUERIES, { name: "unfiltered", query: BASELINE }];
  const samples = all.map(() => [] as number[]);
  const matches = all.map((q) => querySandbox(index, { ...q.query, ...page }).count);
  for (let warm = 0; warm < 3; warm++)
    for (const q of all) querySandbox(index, { ...q.query, ...page });

  const deadline = performance.now() + options.maxMs;
  let rounds = 0;
  for (; rounds < options.rounds && performance.now() < deadline; rounds++) {
    all.forEach((q, i) => {
      const start = performance.now();
      querySandbox(index, { ...q.query, ...page });
      samples[i]?.push(performance.now() - start);
    });
  }
  const filtered = summarize(samples.slice(0, QUERIES.length).flat());
  const unfiltered = summarize(samples[QUERIES.length] ?? []);
  const perQuery = QUERIES.map((q, i) => {
    const s = summarize(samples[i] ?? []);
    return { name: q.name, matches: matches[i] ?? 0, p50: round(s.p50), p99: round(s.p99) };
  });
  const worst = perQuery.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  return {
    users: size,
    generateMs: Math.round(generateMs),
    indexMs: Math.round(indexMs),
    rounds,
    filteredMs: { p50: round(filtered.p50), p99: round(filtered.p99), mean: round(filtered.mean) },
    unfilteredMs: {
      p50: round(unfiltered.p50),
      p99: round(unfiltered.p99),
      mean: round(unfiltered.mean),
    },
    ratioP50: round(ratio(filtered.p50, unfiltered.p50) ?? Number.NaN, 2),
    worstQuery: { name: worst.name, p50: worst.p50 },
    perQuery,
  };
}

export function measureSandboxQueries(options: {
  sizes: number[];
  rounds: number;
  maxMsPerDataset: number;
}): SandboxQueriesResult {
  const limit = 50;
  return {
    limit,
    datasets: options.sizes.map((size) =>
      measureDataset(size, { rounds: options.rounds, maxMs: options.maxMsPerDataset, limit }),
    ),
  };
}
