import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { SERVER_LOG_DIR } from "./servers";

/**
 * An app server of a test's own, from the same production build as the others, for tests that
 * stop and start it (a crash, a restart). Its output goes beside the other servers' logs, where
 * global-teardown scans it for secrets and personal data too.
 */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Waits until it answers /api/health. */
  ready(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startAppProcess(
  name: string,
  port: number,
  env: Record<string, string>,
): AppProcess {
  mkdirSync(SERVER_LOG_DIR, { recursive: true });
  const log = openSync(join(SERVER_LOG_DIR, `${name}.log`), "a");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    child,
    async ready() {
      for (let tries = 0; tries < 600; tries++) {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
        try {
          if ((await fetch(`${url}/api/health`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${name} did not start`);
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Polls `read` until `done` holds for what it returns, or the test's own timeout ends it. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
