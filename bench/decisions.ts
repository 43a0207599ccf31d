import { spawnSync } from "node:child_process";
import { APP_ORIGIN, BENCH_API_KEY, UPSTREAM_ORIGIN } from "./config";
import { summarize } from "./stats";

/**
 * Section 9, decisions: what the inbox adds to a status change (validation, two audit events on
 * the hash chain, the write budget) against Didit's update-status alone; a 200-user bulk change
 * against the floor the write budget and the upstream set; and what opening the embedded store
 * adds to a process's memory.
 */

export interface DecisionsResult {
  single: { inboxMs: Stats; directMs: Stats; n: number };
  bulk: {
    users: number;
    wallMs: number;
    floorMs: number;
    done: number;
    writeBudgetPerMinute: number;
  };
  store: { rssBeforeMb: number; rssAfterMb: number; addedMb: number };
}
type Stats = ReturnType<typeof summarize>;

const CONCURRENCY = 4;
const WRITE_BUDGET = 270;

async function users(status: string, limit: number, offset: number) {
  const response = await fetch(
    `${UPSTREAM_ORIGIN}/v3/users/?status=${status}&limit=${limit}&offset=${offset}`,
    { headers: { "x-api-key": BENCH_API_KEY } },
  );
  const body = (await response.json()) as {
    results: { didit_internal_id: string; vendor_data: string | null; status: string }[];
  };
  return body.results.filter((user) => user.vendor_data !== null);
}

async function decide(targets: Awaited<ReturnType<typeof users>>, status: string) {
  const response = await fetch(`${APP_ORIGIN}/api/decisions`, {
    method: "POST",
    headers: { origin: APP_ORIGIN, "content-type": "application/json" },
    body: JSON.stringify({
      users: targets.map((user) => ({
        id: user.didit_internal_id,
        vendorData: user.vendor_data,
        status: user.status,
      })),
      status,
      reason: "Benchmark decision",
    }),
  });
  if (!response.ok) throw new Error(`POST /api/decisions answered ${response.status}`);
  return (await response.json()) as { summary: { done: number } };
}

async function patchDirect(vendorData: string, status: string) {
  const response = await fetch(
    `${UPSTREAM_ORIGIN}/v3/users/${encodeURIComponent(vendorData)}/update-status/`,
    {
      method: "PATCH",
      headers: { "x-api-key": BENCH_API_KEY, "content-type": "application/json" },
      body: JSON.stringify({ status, reason: "Benchmark decision" }),
    },
  );
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`PATCH answered ${response.status}`);
}

/** RSS of a fresh Node process before and after it opens and migrates an embedded store. */
function storeMemory(root: string): DecisionsResult["store"] {
  const script = `
    const { PGlite } = await import("@electric-sql/pglite");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const before = process.memoryUsage().rss;
    const db = new PGlite(join(mkdtempSync(join(tmpdir(), "bench-store-")), "pglite"));
    await db.waitReady;
    await db.query("select 1");
    const after = process.memoryUsage().rss;
    await db.close();
    console.log(JSON.stringify({ before, after }));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
  });
  const { before, after } = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
    before: number;
    after: number;
  };
  const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
  return { rssBeforeMb: mb(before), rssAfterMb: mb(after), addedMb: mb(after - before) };
}

export async function measureDecisions(
  root: string,
  options: { n: number },
): Promise<DecisionsResult> {
  // Alternate each user between FLAGGED and ACTIVE, so every call is a real change.
  const singles = await users("FLAGGED", options.n, 0);
  const inbox: number[] = [];
  for (const user of singles) {
    const started = performance.now();
    await decide([user], "ACTIVE");
    inbox.push(performance.now() - started);
  }
  const direct: number[] = [];
  for (const user of singles) {
    const started = performance.now();
    await patchDirect(user.vendor_data as string, "FLAGGED");
    direct.push(performance.now() - started);
  }

  const bulkUsers = (await users("ACTIVE", 200, 400)).slice(0, 200);
  const started = performance.now();
  const bulk = await decide(bulkUsers, "BLOCKED");
  const wallMs = performance.now() - started;
  const directStats = summarize(direct);
  // The run stays within the 270-a-minute write budget (past it a change fails, it does not
  // wait), so the floor is Didit's own time for 200 PATCHes, CONCURRENCY at a time.
  if (bulkUsers.length + singles.length > WRITE_BUDGET) throw new Error("over the write budget");
  const floorMs = (bulkUsers.length / CONCURRENCY) * directStats.p50;
  return {
    single: { inboxMs: summarize(inbox), directMs: directStats, n: singles.length },
    bulk: {
      users: bulkUsers.length,
      wallMs,
      floorMs,
      done: bulk.summary.done,
      writeBudgetPerMinute: WRITE_BUDGET,
    },
    store: storeMemory(root),
  };
}
