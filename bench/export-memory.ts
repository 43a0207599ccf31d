import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { BENCH_API_KEY } from "./config";
import type { ExportMemoryChildResult } from "./export-memory-child";
import { ratio, round } from "./stats";

/**
 * Section 8, the CSV export: heap growth while 100,000 users stream out, against the same export
 * of 5,000 users in the same run (flat memory means about the same growth, whatever the size),
 * and its time against fetching the same pages directly (the export's own cost: validation, CSV
 * encoding, the stream). These used to be ceilings inside a unit test, where a loaded machine
 * or a different V8 made them flaky; here they are reported, not asserted.
 *
 * Three processes: an upstream per dataset (bench/upstream-server.ts, so the datasets are not in
 * the measured heap) and the measuring one (bench/export-memory-child.ts).
 */

export const EXPORT_BIG = 100_000;
export const EXPORT_SMALL = 5_000;

export interface ExportMemoryResult extends ExportMemoryChildResult {
  /** Heap growth, big over small: about 1 when memory does not grow with the view. */
  heapGrowthRatio: number | null;
  /** Export time over the direct walk of the same pages. */
  timeRatio: number | null;
  rowsPerSecond: number;
}

const TSX = ["--import", "tsx"];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_OPTIONS: "", ...extra };
}

async function startUpstream(root: string, users: number) {
  const child = spawn(process.execPath, [...TSX, join(root, "bench/upstream-server.ts")], {
    cwd: root,
    env: childEnv({
      BENCH_UPSTREAM_PORT: "0",
      BENCH_API_KEY,
      BENCH_UPSTREAM_USERS: String(users),
    }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const match = /listening on (127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(`http://${match[1]}`);
    });
    child.once("exit", (code) => reject(new Error(`upstream (${users} users) exited (${code})`)));
  });
  return { origin, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

export async function measureExportMemory(root: string): Promise<ExportMemoryResult> {
  const started: ChildProcess[] = [];
  try {
    const [big, small] = await Promise.all([
      startUpstream(root, EXPORT_BIG),
      startUpstream(root, EXPORT_SMALL),
    ]);
    started.push(big.child, small.child);
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        ...TSX,
        join(root, "bench/export-memory-child.ts"),
        `big=${big.origin}`,
        `small=${small.origin}`,
      ],
      {
        cwd: root,
        env: childEnv({
          NODE_ENV: "production",
          DIDIT_API_KEY: BENCH_API_KEY,
          DIDIT_API_BASE_URL: big.origin,
          INBOX_AUTH: "none",
          LOG_LEVEL: "silent",
        }),
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    started.push(child);
    let output = "";
    child.stdout?.on("data", (data: Buffer) => {
      output += data.toString("utf8");
    });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) throw new Error(`the export measurement exited (${code})`);
    const line = output.trim().split("\n").at(-1) ?? "";
    const data = JSON.parse(line) as ExportMemoryChildResult;
    if (data.big.rows !== EXPORT_BIG || data.small.rows !== EXPORT_SMALL) {
      throw new Error(`exported ${data.big.rows} and ${data.small.rows} rows`);
    }
    return {
      ...data,
      heapGrowthRatio: ratio(data.big.heapGrowthMB, data.small.heapGrowthMB),
      timeRatio: ratio(data.big.ms, data.direct.ms),
      rowsPerSecond: round(data.big.rows / (data.big.ms / 1000), 0),
    };
  } finally {
    await Promise.all(started.map(stop));
  }
}
