import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

/**
 * PGlite has a single connection and no lock across processes: two processes opening one data
 * directory corrupt it. So the process that opens it first holds `inbox.lock` there (its pid
 * inside), and a second one is refused with a message naming the directory. A lock left by a
 * process that no longer runs (killed, crashed) is taken over.
 */

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_FILE = "inbox.lock";

function holderOf(path: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(path, "utf8").trim().split(/\s+/);
    const parsed = Number(pid);
    return Number.isInteger(parsed) && parsed > 0 ? { pid: parsed, host: host ?? "" } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = holderOf(path);
      const sameHost = holder?.host === hostname();
      if (holder && (!sameHost || isRunning(holder.pid))) {
        throw new DataDirLockedError(
          `The data directory ${dir} is in use by another inbox server (pid ${holder.pid}` +
            `${sameHost ? "" : ` on ${holder.host}`}). Stop that server first, or set ` +
            "INBOX_DATA_DIR to another directory. Several instances need PostgreSQL (DATABASE_URL).",
        );
      }
      // The holder is gone (or the file is unreadable): its lock is stale.
      unlinkSync(path);
      continue;
    }
    writeSync(fd, `${process.pid} ${hostname()}\n`);
    closeSync(fd);
    return {
      path,
      release() {
        if (holderOf(path)?.pid === process.pid) unlinkSync(path);
      },
    };
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dir}.`);
}
