import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { APP_PORT, appEnv, BENCH_API_KEY, HOST, UPSTREAM_PORT } from "./config";
import { childPids, processName } from "./proc";

/**
 * Starts and stops the two processes under test. Each runs in its own process group, started
 * here, so stopping it ends exactly the processes this run created and nothing else.
 */

export interface Server {
  name: string;
  /** The process that does the work (next-server, or the upstream's node). */
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
}

const started = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Synchronous, for process exit handlers: SIGKILL every group this run started. */
export function killAllNow(): void {
  for (const child of started) killGroup(child, "SIGKILL");
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    started.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    killGroup(child, "SIGKILL");
    await Promise.race([exited, sleep(2000)]);
  }
  started.delete(child);
}

function launch(
  name: string,
  root: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
) {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on("error", (error) => log.write(`spawn error: ${error.message}\n`));
  if (child.pid === undefined) throw new Error(`${name}: could not start`);
  return child;
}

/** Polls `url` until it answers 2xx, the child dies, or `timeoutMs` passes. */
async function waitReady(url: string, child: ChildProcess, name: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${name} not ready after ${timeoutMs} ms`);
}

/**
 * Refuses to start when something already listens on the port: readiness is checked over HTTP,
 * so another server there would otherwise be benchmarked in this one's place.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: HOST, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      reject(new Error(`${HOST}:${port} is already in use (another bench run?)`));
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", () => resolve());
  });
}

export function startUpstream(root: string, logFile: string): Promise<Server> {
  return startUpstreamOn(root, logFile, UPSTREAM_PORT);
}

/** The Didit stand-in on `port`, with `env` added (BENCH_UPSTREAM_LIMITS, …). */
export async function startUpstreamOn(
  root: string,
  logFile: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Server> {
  await assertPortFree(port);
  // `--import` resolves from the working directory, which is the repository root.
  const child = launch(
    "upstream",
    root,
    ["--import", "tsx", join(root, "bench/upstream-server.ts")],
    {
      ...process.env,
      NODE_OPTIONS: "",
      BENCH_UPSTREAM_PORT: String(port),
      BENCH_API_KEY,
      ...env,
    },
    logFile,
  );
  try {
    await waitReady(`http://${HOST}:${port}/__bench/stats`, child, "upstream", 30_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { name: "upstream", pid: child.pid as number, logFile, stop: () => stopChild(child) };
}

/** The next-server process under `scripts/start.mjs` (which only waits for it). */
function findNextServer(startPid: number): number {
  const children = childPids(startPid);
  const named = children.find((pid) => processName(pid)?.startsWith("next-server"));
  return named ?? children[0] ?? startPid;
}

export function startApp(root: string, logFile: string): Promise<Server> {
  return startAppOn(root, logFile, APP_PORT, appEnv());
}

/** An app server from the bench build on `port`, with `env` (appEnv() and what a section adds). */
export async function startAppOn(
  root: string,
  logFile: string,
  port: number,
  env: Record<string, string>,
): Promise<Server> {
  await assertPortFree(port);
  const child = launch(
    "app",
    root,
    [join(root, "scripts/start.mjs")],
    { ...process.env, ...env, PORT: String(port), NODE_OPTIONS: "" },
    logFile,
  );
  try {
    await waitReady(`http://${HOST}:${port}/api/health`, child, `app on ${port}`, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    name: "app",
    pid: findNextServer(child.pid as number),
    logFile,
    stop: () => stopChild(child),
  };
}
