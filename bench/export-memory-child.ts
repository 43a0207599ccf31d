import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { RateBudget } from "../lib/didit/rate-budget";
import type { Upstream } from "../lib/didit/upstream";
import { CsvRecordCounter } from "../lib/export/csv-row-counter";
import { usersCsvResponse } from "../lib/export/users-csv-response";
import { ALL_USERS, type UsersQuery } from "../lib/inbox/query-state";

/**
 * The measuring side of bench/export-memory.ts, in a process of its own: its heap then holds the
 * export alone, not the benchmark's other sections nor the upstream's dataset (which is in yet
 * another process). Started with `--conditions=react-server` (so `server-only` imports) and the
 * app's environment in live mode.
 *
 * Argv: one upstream origin per dataset, `big=<origin>` and `small=<origin>`. Prints one JSON
 * line: ExportMemoryChildResult.
 */

export interface ExportRun {
  rows: number;
  /** Chunks of the body: one per upstream page (the first also carries the header). */
  pages: number;
  csvBytes: number;
  ms: number;
  /** Peak heapUsed minus heapUsed at the start, both right after a full collection. */
  heapGrowthMB: number;
  rssGrowthMB: number;
  /** The heap's high-water mark, garbage included, for the record. */
  uncollectedHeapPeakMB: number;
}

export interface DirectWalk {
  pages: number;
  bytes: number;
  ms: number;
}

export interface ExportMemoryChildResult {
  big: ExportRun;
  small: ExportRun;
  /** The same pages of the big dataset fetched and JSON-parsed, no validation and no CSV. */
  direct: DirectWalk;
}

const PAGE = 200;
const MB = 2 ** 20;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function upstreamAt(origin: string): Upstream {
  return {
    baseUrl: origin,
    apiKey: process.env.DIDIT_API_KEY ?? "",
    timeoutMs: 30_000,
    deadlineMs: 60_000,
    rateLimitPerMinute: 1_000_000,
    writeLimitPerMinute: 1_000_000,
    sandbox: false,
  };
}

async function exportAll(origin: string): Promise<ExportRun> {
  // The instance's real budget would spread 500 pages over minutes: roomy, to measure the work.
  const roomy = new RateBudget(1_000_000);
  const all: UsersQuery = { ...ALL_USERS };
  gc();
  const start = process.memoryUsage();
  const started = performance.now();
  const response = await usersCsvResponse(all, {
    request: { budget: roomy, upstream: upstreamAt(origin) },
    pacing: roomy,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`export answered ${response.status} without a body`);
  const counter = new CsvRecordCounter();
  const decoder = new TextDecoder();
  const peak = { heap: start.heapUsed, rss: start.rss };
  let uncollected = start.heapUsed;
  let chunks = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    bytes += value.byteLength;
    counter.push(decoder.decode(value, { stream: true }));
    uncollected = Math.max(uncollected, process.memoryUsage().heapUsed);
    // Each page leaves a few MB of garbage that V8 may let pile up; collecting before a sample
    // measures what the export keeps alive, which is what "flat" means.
    if (chunks % 5 === 0) {
      gc();
      const { heapUsed, rss } = process.memoryUsage();
      peak.heap = Math.max(peak.heap, heapUsed);
      peak.rss = Math.max(peak.rss, rss);
    }
  }
  const ms = performance.now() - started;
  return {
    rows: counter.records - 1,
    pages: chunks,
    csvBytes: bytes,
    ms: Math.round(ms),
    heapGrowthMB: mb(peak.heap - start.heapUsed),
    rssGrowthMB: mb(peak.rss - start.rss),
    uncollectedHeapPeakMB: mb(uncollected),
  };
}

async function walkDirect(origin: string, pages: number): Promise<DirectWalk> {
  const started = performance.now();
  let bytes = 0;
  for (let page = 0; page < pages; page++) {
    const response = await fetch(`${origin}/v3/users/?limit=${PAGE}&offset=${page * PAGE}`, {
      headers: { "x-api-key": process.env.DIDIT_API_KEY ?? "" },
    });
    const text = await response.text();
    bytes += text.length;
    JSON.parse(text);
  }
  return { pages, bytes, ms: Math.round(performance.now() - started) };
}

async function main() {
  const origins = Object.fromEntries(
    process.argv.slice(2).map((arg) => arg.split("=", 2) as [string, string]),
  );
  const { big, small } = origins;
  if (!big || !small) throw new Error("usage: export-memory-child big=<origin> small=<origin>");
  // Warm-up: modules loaded and code compiled before anything is measured.
  await exportAll(small);
  const smallRun = await exportAll(small);
  const bigRun = await exportAll(big);
  const direct = await walkDirect(big, Math.ceil(bigRun.rows / PAGE));
  const result: ExportMemoryChildResult = { big: bigRun, small: smallRun, direct };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
