import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "inbox-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the data directory lock", () => {
  it("refuses a second process on the same directory, naming the directory", () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    // Another process: it runs the same function against the same directory.
    const other = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("${join(process.cwd(), "lib/db/lock.ts")}").then((m) => { try { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("acquired"); } catch (e) { console.log(e.name + ": " + e.message); process.exitCode = 3; } })`,
      ],
      { encoding: "utf8" },
    );
    expect(other.status).toBe(3);
    expect(other.stdout).toContain("DataDirLockedError");
    expect(other.stdout).toContain(dir);
    lock.release();
    expect(existsSync(join(dir, "inbox.lock"))).toBe(false);
  });

  it("refuses a second lock in this process too", () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = dataDir();
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
      encoding: "utf8",
    });
    writeFileSync(join(dir, "inbox.lock"), `${gone.stdout.trim()} ${hostname()}\n`);
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, "inbox.lock"), "utf8")).toContain(String(process.pid));
    lock.release();
  });
});
