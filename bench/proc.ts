import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** Linux /proc readings for one process: CPU time, memory, and its children. */

let clockTicks: number | undefined;

/** Clock ticks per second (USER_HZ) that /proc/<pid>/stat counts in. */
export function clkTck(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Fields of /proc/<pid>/stat after the parenthesised command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime of the process itself, in milliseconds; null when it is gone. */
export function cpuTimeMs(pid: number): number | null {
  const fields = statFields(pid);
  if (fields === null) return null;
  // After the name: state(3) ppid(4) ... utime(14) stime(15), so indexes 11 and 12 here.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clkTck();
}

/** A `Vm*` line of /proc/<pid>/status, in bytes. */
export function vmBytes(pid: number, key: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Direct children of `pid`, by scanning /proc (works without CONFIG_PROC_CHILDREN). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) children.push(Number(entry));
  }
  return children;
}

export function processName(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

export function loadAverage1m(): number | null {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
  platform: string;
  memoryGB: number;
  loadAverage1m: number;
  chromium: string | null;
}

export function machineInfo(chromiumPath: string | null): MachineInfo {
  let chromium: string | null = null;
  if (chromiumPath) {
    try {
      chromium = execFileSync(chromiumPath, ["--version"], {
        encoding: "utf8",
        timeout: 10_000,
        stdio: ["ignore", "pipe", "ignore"],
      })
        .trim()
        .split("\n")
        .pop() as string;
    } catch {
      chromium = null;
    }
  }
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage1m: loadAverage1m() ?? Number.NaN,
    chromium,
  };
}
