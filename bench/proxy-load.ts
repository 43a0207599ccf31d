import { closeSync, openSync, readSync, statSync } from "node:fs";
import autocannon from "autocannon";
import { APP_ORIGIN, BENCH_API_KEY, BROWSER_ACCEPT_ENCODING, UPSTREAM_ORIGIN } from "./config";
import { cpuTimeMs } from "./proc";
import { ratio, round, summarize } from "./stats";

/**
 * Section 1, proxy cost: the same list request through the app's `/api/users` and straight at the
 * upstream, in the same run. Throughput and latency at a fixed concurrency, latency unloaded (one
 * connection: under saturation, latency is mostly queueing), and CPU per request from /proc.
 */

export interface LoadOptions {
  limits: number[];
  connections: number;
  durationS: number;
  warmupS: number;
  unloadedS: number;
  /** Hard cap per phase, so a very fast server cannot make a run unbounded in count. */
  maxRequestsPerPhase: number;
  appPid: number;
  upstreamPid: number;
  /** The app's stdout: its access log says how long each handler and its upstream call took. */
  appLogFile: string;
}

interface CannonRun {
  requests2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
  rps: number;
  /** From every 2xx response's own time, unrounded (autocannon's histogram keeps whole ms). */
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  bytesPerResponse: number;
}

export interface PhaseResult extends CannonRun {
  target: "direct" | "proxy";
  url: string;
  /** CPU of the process named, per completed request. */
  cpuMsPerRequest: { app: number | null; upstream: number | null };
  /** The upstream's own handling time during this phase (bench/upstream-server.ts). */
  upstreamSelfMs: { p50: number | null; p99: number | null; count: number };
  /** From the app's access log (whole ms): the route handler, and its upstream call inside it. */
  appLog: AppLogStats | null;
}

export interface AppLogStats {
  lines: number;
  handlerP50Ms: number;
  handlerP99Ms: number;
  upstreamCallP50Ms: number;
  upstreamCallP99Ms: number;
}

export interface LimitResult {
  limit: number;
  direct: PhaseResult;
  proxy: PhaseResult;
  unloaded: { direct: CannonRun; proxy: CannonRun };
  ratios: { throughput: number | null; p50: number | null; p99: number | null };
  addedLatencyMs: {
    loadedP50: number;
    loadedP99: number;
    unloadedP50: number;
    unloadedP99: number;
  };
}

export interface ProxyLoadResult {
  /**
   * The framework's own floor: the app's `/api/health` (no session, no upstream, no body to
   * speak of) at the same concurrency. What a Next.js route costs before the proxy does anything.
   */
  floor: { rps: number; p50Ms: number; cpuMsPerRequest: number | null };
  connections: number;
  durationS: number;
  warmupS: number;
  unloadedS: number;
  acceptEncoding: string;
  note: string;
  limits: LimitResult[];
  warnings: string[];
}

function runCannon(
  url: string,
  headers: Record<string, string>,
  options: {
    connections: number;
    durationS: number;
    maxRequests: number;
  },
): Promise<CannonRun> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const started = performance.now();
    const instance = autocannon(
      {
        url,
        headers,
        connections: options.connections,
        duration: options.durationS,
        maxOverallRequests: Math.max(options.connections, options.maxRequests),
        timeout: 10,
      },
      (error: unknown, result: autocannon.Result) => {
        clearTimeout(watchdog);
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const wallS = (performance.now() - started) / 1000;
        const summary = summarize(latencies);
        resolve({
          requests2xx: result["2xx"],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          durationS: round(wallS, 2),
          rps: round(result["2xx"] / wallS, 1),
          latencyMs: {
            p50: round(summary.p50),
            p99: round(summary.p99),
            mean: round(summary.mean),
            max: round(summary.max),
          },
          bytesPerResponse: result["2xx"] ? Math.round(result.throughput.total / result["2xx"]) : 0,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
    // autocannon stops by itself at `duration`; this only guards against a wedged run.
    const watchdog = setTimeout(() => instance.stop(), (options.durationS + 20) * 1000);
  });
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * The app's JSON access-log lines for /api/users written since `from`. Only `durationMs` and
 * `upstreamMs` are read; if the log's shape changes this answers null and nothing else breaks.
 */
function appLogSince(path: string, from: number): AppLogStats | null {
  const to = fileSize(path);
  if (to <= from) return null;
  const length = Math.min(to - from, 64 * 1024 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, length, from);
  } finally {
    closeSync(fd);
  }
  const handler: number[] = [];
  const upstream: number[] = [];
  for (const line of buffer.toString("utf8").split("\n")) {
    if (!line.startsWith("{") || !line.includes('"/api/users"')) continue;
    try {
      const entry = JSON.parse(line) as { durationMs?: unknown; upstreamMs?: unknown };
      if (typeof entry.durationMs === "number") handler.push(entry.durationMs);
      if (typeof entry.upstreamMs === "number") upstream.push(entry.upstreamMs);
    } catch {
      // A line cut at the read boundary.
    }
  }
  if (handler.length === 0) return null;
  const h = summarize(handler);
  const u = summarize(upstream);
  return {
    lines: handler.length,
    handlerP50Ms: h.p50,
    handlerP99Ms: h.p99,
    upstreamCallP50Ms: u.p50,
    upstreamCallP99Ms: u.p99,
  };
}

async function upstreamSelf(): Promise<PhaseResult["upstreamSelfMs"]> {
  try {
    const response = await fetch(`${UPSTREAM_ORIGIN}/__bench/stats`, {
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as {
      count: number;
      p50: number | null;
      p99: number | null;
    };
    return {
      count: body.count,
      p50: body.p50 === null ? null : round(body.p50),
      p99: body.p99 === null ? null : round(body.p99),
    };
  } catch {
    return { count: 0, p50: null, p99: null };
  }
}

function targets(limit: number) {
  return {
    direct: {
      url: `${UPSTREAM_ORIGIN}/v3/users/?limit=${limit}&offset=0`,
      headers: { "x-api-key": BENCH_API_KEY, "accept-encoding": BROWSER_ACCEPT_ENCODING },
    },
    proxy: {
      url: `${APP_ORIGIN}/api/users?limit=${limit}`,
      headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING },
    },
  } as const;
}

async function measuredPhase(
  target: "direct" | "proxy",
  limit: number,
  options: LoadOptions,
): Promise<PhaseResult> {
  const { url, headers } = targets(limit)[target];
  const cannon = { connections: options.connections, maxRequests: options.maxRequestsPerPhase };
  await runCannon(url, headers, { ...cannon, durationS: options.warmupS });
  await upstreamSelf();
  const logFrom = fileSize(options.appLogFile);
  const appBefore = cpuTimeMs(options.appPid);
  const upstreamBefore = cpuTimeMs(options.upstreamPid);
  const run = await runCannon(url, headers, { ...cannon, durationS: options.durationS });
  const appAfter = cpuTimeMs(options.appPid);
  const upstreamAfter = cpuTimeMs(options.upstreamPid);
  const completed = run.requests2xx + run.non2xx;
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null || completed === 0
      ? null
      : round((after - before) / completed);
  return {
    target,
    url: url.replace(UPSTREAM_ORIGIN, "upstream").replace(APP_ORIGIN, "app"),
    ...run,
    cpuMsPerRequest: {
      app: target === "proxy" ? perRequest(appBefore, appAfter) : null,
      upstream: perRequest(upstreamBefore, upstreamAfter),
    },
    upstreamSelfMs: await upstreamSelf(),
    appLog: target === "proxy" ? appLogSince(options.appLogFile, logFrom) : null,
  };
}

async function unloaded(target: "direct" | "proxy", limit: number, options: LoadOptions) {
  const { url, headers } = targets(limit)[target];
  return runCannon(url, headers, {
    connections: 1,
    durationS: options.unloadedS,
    maxRequests: options.maxRequestsPerPhase,
  });
}

async function frameworkFloor(options: LoadOptions): Promise<ProxyLoadResult["floor"]> {
  const url = `${APP_ORIGIN}/api/health`;
  const headers = { "accept-encoding": BROWSER_ACCEPT_ENCODING };
  const cannon = { connections: options.connections, maxRequests: options.maxRequestsPerPhase };
  await runCannon(url, headers, { ...cannon, durationS: options.warmupS });
  const before = cpuTimeMs(options.appPid);
  const run = await runCannon(url, headers, { ...cannon, durationS: options.durationS });
  const after = cpuTimeMs(options.appPid);
  const completed = run.requests2xx + run.non2xx;
  return {
    rps: run.rps,
    p50Ms: run.latencyMs.p50,
    cpuMsPerRequest:
      before === null || after === null || completed === 0
        ? null
        : round((after - before) / completed),
  };
}

export async function measureProxyLoad(options: LoadOptions): Promise<ProxyLoadResult> {
  const limits: LimitResult[] = [];
  const warnings: string[] = [];
  const floor = await frameworkFloor(options);
  for (const limit of options.limits) {
    const direct = await measuredPhase("direct", limit, options);
    const proxy = await measuredPhase("proxy", limit, options);
    const unloadedDirect = await unloaded("direct", limit, options);
    const unloadedProxy = await unloaded("proxy", limit, options);
    for (const phase of [direct, proxy, unloadedDirect, unloadedProxy]) {
      if (phase.non2xx > 0 || phase.errors > 0) {
        warnings.push(
          `limit=${limit}: ${phase.non2xx} non-2xx answers and ${phase.errors} errors ` +
            "(left out of latency; is the app's rate budget still lifted?)",
        );
      }
    }
    limits.push({
      limit,
      direct,
      proxy,
      unloaded: { direct: unloadedDirect, proxy: unloadedProxy },
      ratios: {
        throughput: round(ratio(proxy.rps, direct.rps) ?? Number.NaN),
        p50: round(ratio(proxy.latencyMs.p50, direct.latencyMs.p50) ?? Number.NaN),
        p99: round(ratio(proxy.latencyMs.p99, direct.latencyMs.p99) ?? Number.NaN),
      },
      addedLatencyMs: {
        loadedP50: round(proxy.latencyMs.p50 - direct.latencyMs.p50),
        loadedP99: round(proxy.latencyMs.p99 - direct.latencyMs.p99),
        unloadedP50: round(unloadedProxy.latencyMs.p50 - unloadedDirect.latencyMs.p50),
        unloadedP99: round(unloadedProxy.latencyMs.p99 - unloadedDirect.latencyMs.p99),
      },
    });
  }
  return {
    floor,
    connections: options.connections,
    durationS: options.durationS,
    warmupS: options.warmupS,
    unloadedS: options.unloadedS,
    acceptEncoding: BROWSER_ACCEPT_ENCODING,
    note:
      "autocannon runs in the orchestrator on the same cores as both servers; " +
      "the app's upstream rate budget is lifted for this run (DIDIT_RATE_LIMIT_PER_MINUTE, allowed above 600 for a loopback upstream)",
    limits,
    warnings,
  };
}
