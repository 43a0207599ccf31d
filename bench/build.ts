import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { appEnv, DIST_DIR } from "./config";

/**
 * Makes sure `.next-bench` holds a production build of the current sources.
 *
 * It builds in two steps, `--experimental-build-mode=compile` then `=generate`, which is a full
 * production build minus `next build`'s type-check step. That step rewrites tsconfig.json and
 * next-env.d.ts to point at the build folder (other people's tools read both) and fails on any
 * type error anywhere in the repository (tests being edited included); `npm test` owns type
 * checking. Both files are still snapshotted and restored should a Next upgrade write them anyway.
 */

const SOURCES = ["app", "components", "lib", "public", "hooks", "config", "types"];
const SOURCE_FILES = [
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const GUARDED = ["tsconfig.json", "next-env.d.ts"];
const BUILD_TIMEOUT_MS = 240_000;

export interface BuildResult {
  built: boolean;
  reason: string;
  ms: number;
  logFile: string | null;
}

function newestSourceMtime(root: string): { mtime: number; file: string } {
  let newest = { mtime: 0, file: "" };
  const visit = (path: string) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path) && stat.mtimeMs > newest.mtime) {
      newest = { mtime: stat.mtimeMs, file: path };
    }
  };
  for (const dir of SOURCES) visit(join(root, dir));
  for (const file of SOURCE_FILES) visit(join(root, file));
  return newest;
}

/** Why a build is needed, or null when the existing one is current. */
export function staleReason(root: string): string | null {
  const buildId = join(root, DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return `no build in ${DIST_DIR}/`;
  const builtAt = statSync(buildId).mtimeMs;
  const newest = newestSourceMtime(root);
  return newest.mtime > builtAt ? `${newest.file.slice(root.length + 1)} changed since` : null;
}

function runNext(root: string, args: string[], logFile: string): Promise<void> {
  const nextBin = createRequire(join(root, "package.json")).resolve("next/dist/bin/next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], {
      cwd: root,
      env: { ...process.env, ...appEnv(), NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      writeFileSync(logFile, Buffer.concat(chunks), { flag: "a" });
      if (code === 0) resolve();
      else {
        const tail = Buffer.concat(chunks).toString("utf8").trim().split("\n").slice(-15);
        reject(new Error(`next ${args.join(" ")} failed (${signal ?? code}):\n${tail.join("\n")}`));
      }
    });
  });
}

export async function ensureBuild(
  root: string,
  options: { force: boolean; skip: boolean; logFile: string },
): Promise<BuildResult> {
  const reason = options.force ? "--rebuild" : staleReason(root);
  if (reason === null || options.skip) {
    if (!existsSync(join(root, DIST_DIR, "BUILD_ID"))) throw new Error(`no build in ${DIST_DIR}/`);
    return { built: false, reason: reason ?? "build is current", ms: 0, logFile: null };
  }
  const snapshots = GUARDED.map((file) => {
    const path = join(root, file);
    return { path, text: existsSync(path) ? readFileSync(path, "utf8") : null };
  });
  const started = performance.now();
  writeFileSync(options.logFile, "");
  try {
    await runNext(root, ["build", "--experimental-build-mode=compile"], options.logFile);
    await runNext(root, ["build", "--experimental-build-mode=generate"], options.logFile);
  } finally {
    // Only undo Next's own rewrite (it names the build folder), never someone else's edit.
    for (const { path, text } of snapshots) {
      const now = existsSync(path) ? readFileSync(path, "utf8") : null;
      if (text !== null && now !== null && now !== text && now.includes(DIST_DIR)) {
        writeFileSync(path, text);
      }
    }
  }
  return { built: true, reason, ms: performance.now() - started, logFile: options.logFile };
}
