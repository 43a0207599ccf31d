import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { evaluateBudgets } from "./budgets";
import { type BuildResult, ensureBuild } from "./build";
import { APP_ORIGIN, CHROMIUM_PATH } from "./config";
import { measureDecisions } from "./decisions";
import { measureExportMemory } from "./export-memory";
import { measureLighthouse } from "./lighthouse";
import { measureLiveUpdates } from "./live-updates";
import { type MemoryResult, startRssSampler } from "./memory";
import { measurePageWeight } from "./page-weight";
import { loadAverage1m, machineInfo } from "./proc";
import { measureProxyLoad } from "./proxy-load";
import { type BenchResults, renderTable, type Section } from "./report";
import { measureSandboxQueries } from "./sandbox-queries";
import { killAllNow, type Server, startApp, startUpstream } from "./servers";
import { measureTeamLoad } from "./team-load";
import { measureTimeToRows } from "./time-to-rows";
import { measureValidation } from "./validation";

/**
 * `npm run bench`: builds into .next-bench if the sources changed, starts the app in live mode
 * against a standalone upstream on loopback, measures each section side by side with its
 * baseline, then prints a table and writes bench/results.json. A failing section is recorded and
 * the rest still run; the servers it started are always stopped.
 *
 * Flags: --rebuild (build even if current), --no-build (use .next-bench as it is),
 * --quick (short load phases, one Lighthouse preset: for working on the bench itself),
 * --mobile (also run Lighthouse's mobile preset, for information: it adds about a minute),
 * --only=validation,sandbox,export,proxy,memory,page,time,lighthouse,decisions,live,team (just
 * those), --team-seconds=N (each team-load run's length; 120 by default).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const onlyArg = process.argv.find((arg) => arg.startsWith("--only="));
/** First words of section names: validation, sandbox, export, proxy, memory, page, time, lighthouse. */
const only = onlyArg ? new Set(onlyArg.slice("--only=".length).split(",")) : null;
const tmp = join(root, "bench/.tmp");
const resultsFile = join(root, "bench/results.json");
/**
 * Past this, remaining sections are skipped; past the hard limit the run is abandoned. The export
 * section (100,000 users, in processes of its own) adds about a minute on an idle 2-core machine,
 * the live-updates section (three more apps and a PostgreSQL cluster) about another.
 */
const SOFT_LIMIT_MS = 480_000;
const teamSecondsArg = process.argv.find((arg) => arg.startsWith("--team-seconds="));
const TEAM_SECONDS = teamSecondsArg ? Number(teamSecondsArg.slice("--team-seconds=".length)) : 120;
const TEAM_SIZES = quick ? [5] : [5, 20, 50];
/** The team-load section runs last, past the soft limit: 12 runs of TEAM_SECONDS, plus start-ups. */
const TEAM_BUDGET_MS = (quick ? 2 : 12) * ((quick ? 20 : TEAM_SECONDS) + 30) * 1000;
const HARD_LIMIT_MS = 600_000 + TEAM_BUDGET_MS;
const startedAt = Date.now();

function progress(message: string): void {
  process.stderr.write(
    `[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`,
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function notRun<T>(reason: string): Section<T> {
  return { ok: false, ms: 0, error: reason };
}

async function section<T>(
  name: string,
  fn: () => Promise<T> | T,
  /** Runs whatever the time: a section with a time budget of its own (team load). */
  budgeted = false,
): Promise<Section<T>> {
  if (only !== null && !only.has(name.split(" ")[0] ?? name)) {
    return notRun("skipped: not in --only");
  }
  if (!budgeted && Date.now() - startedAt > SOFT_LIMIT_MS) {
    progress(`${name}: skipped, the run is past its time budget`);
    return notRun("skipped: the run was past its time budget");
  }
  progress(`${name}…`);
  const started = performance.now();
  try {
    const data = await fn();
    const ms = Math.round(performance.now() - started);
    progress(`${name}: done in ${(ms / 1000).toFixed(1)} s`);
    return { ok: true, ms, data };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    progress(`${name}: FAILED: ${errorText(error).split("\n")[0]}`);
    return { ok: false, ms, error: errorText(error) };
  }
}

async function warmUp(): Promise<void> {
  for (const path of ["/", "/api/users?limit=50", "/api/users?limit=200", "/", "/?limit=200"]) {
    const response = await fetch(`${APP_ORIGIN}${path}`, { signal: AbortSignal.timeout(20_000) });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warm-up: GET ${path} answered ${response.status}`);
  }
}

async function main(): Promise<number> {
  mkdirSync(tmp, { recursive: true });
  const machine = machineInfo(CHROMIUM_PATH);
  const results: BenchResults = {
    schema: 1,
    startedAt: new Date(startedAt).toISOString(),
    durationS: 0,
    machine,
    loadAverageAtEnd: null,
    build: { error: "not run" },
    notes: [
      "timings come from a shared, noisy machine: compare ratios within one run, not across runs",
      "app in live mode (DIDIT_API_KEY set, INBOX_AUTH=none) against bench/upstream-server.ts, all on 127.0.0.1",
    ],
    sections: {
      validation: notRun("not run"),
      sandboxQueries: notRun("not run"),
      proxyLoad: notRun("not run"),
      memory: notRun("not run"),
      pageWeight: notRun("not run"),
      timeToRows: notRun("not run"),
      lighthouse: notRun("not run"),
      exportMemory: notRun("not run"),
      decisions: notRun("not run"),
      liveUpdates: notRun("not run"),
      teamLoad: notRun("not run"),
    },
    budgets: [],
  };
  if (quick) results.notes.push("--quick: short phases, figures are rough");

  let build: BuildResult | null = null;
  progress("build…");
  try {
    build = await ensureBuild(root, {
      force: args.has("--rebuild"),
      skip: args.has("--no-build"),
      logFile: join(tmp, "build.log"),
    });
    results.build = build;
    progress(
      build.built ? `build: built in ${(build.ms / 1000).toFixed(1)} s` : `build: ${build.reason}`,
    );
  } catch (error) {
    results.build = { error: errorText(error) };
    progress(`build: FAILED (log: bench/.tmp/build.log): ${errorText(error).split("\n")[0]}`);
  }

  // CPU-bound sections first, while no server competes for the cores.
  results.sections.validation = await section("validation", () =>
    measureValidation({ iterations: quick ? 200 : 600, maxMs: quick ? 1500 : 3000 }),
  );
  results.sections.sandboxQueries = await section("sandbox queries", () =>
    measureSandboxQueries({
      sizes: [5000, 100_000],
      rounds: quick ? 20 : 60,
      maxMsPerDataset: quick ? 2000 : 6000,
    }),
  );
  // Before the app starts, so the export's processes have the cores to themselves.
  results.sections.exportMemory = await section("export", () => measureExportMemory(root));

  const servers: Server[] = [];
  try {
    if (build === null) throw new Error("no build: see bench/.tmp/build.log");
    progress("starting upstream and app…");
    const upstream = await startUpstream(root, join(tmp, "upstream.log"));
    servers.push(upstream);
    const app = await startApp(root, join(tmp, "app.log"));
    servers.push(app);
    await warmUp();
    progress(`app pid ${app.pid}, upstream pid ${upstream.pid}`);

    // Before the load test: its 200-user bulk change is measured on a quiet app.
    results.sections.decisions = await section("decisions", () =>
      measureDecisions(root, { n: quick ? 10 : 50 }),
    );

    const sampler = startRssSampler(app.pid);
    let memory: MemoryResult | null = null;
    results.sections.proxyLoad = await section("proxy load", async () => {
      try {
        return await measureProxyLoad({
          limits: [50, 200],
          connections: 10,
          durationS: quick ? 3 : 10,
          warmupS: quick ? 1 : 3,
          unloadedS: quick ? 1 : 3,
          maxRequestsPerPhase: 200_000,
          appPid: app.pid,
          upstreamPid: upstream.pid,
          appLogFile: app.logFile,
        });
      } finally {
        memory = await sampler.stop();
      }
    });
    results.sections.memory = await section("memory", () => {
      if (memory === null) throw new Error("the sampler did not run");
      return memory;
    });

    let browser: Browser | null = null;
    try {
      results.sections.pageWeight = await section("page weight", async () => {
        browser ??= await launchBrowser();
        return measurePageWeight(browser);
      });
      results.sections.timeToRows = await section("time to rows", async () => {
        browser ??= await launchBrowser();
        return measureTimeToRows(browser, { coldLoads: quick ? 2 : 5, sessions: quick ? 1 : 2 });
      });
      // Apps of its own (passcode sign-in, two analysts), beside the idle app under test.
      results.sections.liveUpdates = await section("live updates", async () => {
        browser ??= await launchBrowser();
        return measureLiveUpdates(root, browser, { samples: quick ? 5 : 30, logDir: tmp });
      });
    } finally {
      await (browser as Browser | null)?.close().catch(() => {});
    }
    const presets: Array<"desktop" | "mobile"> =
      args.has("--mobile") && !quick ? ["desktop", "mobile"] : ["desktop"];
    results.sections.lighthouse = await section("lighthouse", () => measureLighthouse(presets));
  } catch (error) {
    const reason = `servers did not start: ${errorText(error)}`;
    progress(reason);
    for (const key of ["proxyLoad", "memory", "pageWeight", "timeToRows", "lighthouse"] as const) {
      if (!results.sections[key].ok && results.sections[key].error === "not run") {
        results.sections[key] = notRun(reason);
      }
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }

  // Its own servers (a Didit stand-in that enforces Didit's limits, one or two apps), once the
  // app under test has stopped.
  if (build !== null) {
    results.sections.teamLoad = await section(
      "team load",
      () =>
        measureTeamLoad(root, {
          sizes: TEAM_SIZES,
          seconds: quick ? 20 : TEAM_SECONDS,
          logDir: tmp,
          progress,
        }),
      true,
    );
  }

  results.durationS = Math.round((Date.now() - startedAt) / 1000);
  results.loadAverageAtEnd = loadAverage1m();
  results.budgets = evaluateBudgets(results);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderTable(results));
  process.stdout.write(`results: ${resultsFile}\n`);
  return 0;
}

process.on("exit", killAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}
const hardStop = setTimeout(() => {
  progress(`hard time limit (${HARD_LIMIT_MS / 1000} s) reached: stopping`);
  killAllNow();
  process.exit(1);
}, HARD_LIMIT_MS);
hardStop.unref();

main().then(
  (code) => {
    process.exitCode = code;
    // Lingering sockets or timers must not keep the run alive.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error) => {
    progress(`crashed: ${errorText(error)}`);
    killAllNow();
    process.exit(1);
  },
);
