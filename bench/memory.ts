import { vmBytes } from "./proc";

/**
 * Section 7, memory: the Next server's resident set while the load test runs, sampled from
 * /proc/<pid>/status, plus the kernel's own high-water mark (VmHWM, peak since the process
 * started) read at the end.
 */

export interface MemoryResult {
  pid: number;
  intervalMs: number;
  samples: number;
  rssAtStartMB: number | null;
  peakSampledRssMB: number | null;
  vmHwmMB: number | null;
  /** VmRSS 2 s after the load stopped: what stays resident once the burst is over. */
  rssAfterLoadMB: number | null;
}

const MB = 1024 * 1024;
const toMB = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / MB) * 10) / 10);

export function startRssSampler(
  pid: number,
  intervalMs = 100,
): { stop: () => Promise<MemoryResult> } {
  const atStart = vmBytes(pid, "VmRSS");
  let peak = atStart ?? 0;
  let samples = 0;
  const timer = setInterval(() => {
    const rss = vmBytes(pid, "VmRSS");
    if (rss === null) return;
    samples++;
    if (rss > peak) peak = rss;
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      const vmHwm = vmBytes(pid, "VmHWM");
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return {
        pid,
        intervalMs,
        samples,
        rssAtStartMB: toMB(atStart),
        peakSampledRssMB: samples ? toMB(peak) : null,
        vmHwmMB: toMB(vmHwm),
        rssAfterLoadMB: toMB(vmBytes(pid, "VmRSS")),
      };
    },
  };
}
