import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { findPostgresBin, startPostgresCluster } from "../lib/testing/postgres-cluster";
import { appEnv, HOST } from "./config";
import { type Server, startAppOn, startUpstreamOn } from "./servers";
import { percentileOfSorted } from "./stats";

/**
 * Section 11, team load: N simulated analysts share one Didit key, against a Didit-compatible
 * stand-in that enforces Didit's limits (600 GET and 300 writes a minute per key, 429 with
 * Retry-After). Each analyst signs in through the real passcode route and works a triage loop
 * with 3–8 s of thought between actions: load the Flagged queue, page forward, open a user
 * (deciding every third one, with a reason), close it, filter by a country, go Back.
 *
 * The analysts are HTTP clients that send what the inbox's browser code sends for each action
 * (the rows, the tab counts it does not derive, the user's detail and history, the decision, and
 * the idle prefetch of the next page), and keep answers as long as the browser's query cache
 * does, so 50 of them fit on a 2-core machine beside the servers. Each run is repeated with the
 * team features off (no shared cache, every count fetched, prefetch regardless of the budget),
 * the inbox as it was before them.
 */

export interface TeamRun {
  analysts: number;
  instances: 1 | 2;
  mode: "on" | "off";
  actions: number;
  /** Answers the analysts got from the inbox, and how many of them were 429. */
  requests: number;
  rateLimited: number;
  upstreamCalls: number;
  upstreamThrottled: number;
  callsPerAction: number;
  /** From an action's start until its rows arrived, for actions that needed new rows. */
  rowsP50: number | null;
  rowsP95: number | null;
}

export interface TeamLoadResult {
  seconds: number;
  runs: TeamRun[];
  skipped: string[];
}

const PASSCODE = "bench-passcode-for-team-load";
const SESSION_SECRET = "bench-team-session-secret-0123456789abcdef0123";
const PORTS = { upstream: 3320, first: 3321, second: 3322 } as const;
const STATUSES = ["FLAGGED", "BLOCKED", "ACTIVE"] as const;
const COUNTRIES = ["ESP", "FRA", "DEU", "MEX", "USA", "GBR"];

/** What the browser keeps, and for how long (its query cache's staleTime). */
const BROWSER_STALE_MS = { page: 30_000, count: 60_000 } as const;

interface Listed {
  results: { id: string; vendorData: string | null; status: string }[];
  hasNext: boolean;
}

class Analyst {
  private cookie = "";
  private readonly kept = new Map<string, number>();
  private readonly random: () => number;
  actions = 0;
  requests = 0;
  rateLimited = 0;
  readonly rows: number[] = [];
  private opened = 0;
  private budgetUsed = 0;

  constructor(
    private readonly origin: string,
    private readonly name: string,
    private readonly mode: "on" | "off",
    seed: number,
  ) {
    let state = seed;
    this.random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  async signIn(): Promise<void> {
    const response = await fetch(`${this.origin}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: this.origin, "content-type": "application/json" },
      body: JSON.stringify({ name: this.name, passcode: PASSCODE }),
    });
    const cookie = response.headers.get("set-cookie")?.match(/inbox_session=([^;]+)/)?.[1];
    if (!response.ok || !cookie) throw new Error(`sign-in answered ${response.status}`);
    this.cookie = cookie;
  }

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.origin}${path}`, {
      ...init,
      headers: {
        cookie: `inbox_session=${this.cookie}`,
        origin: this.origin,
        "x-inbox-activity": "1",
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
    });
    this.requests++;
    if (response.status === 429) this.rateLimited++;
    const used = Number(response.headers.get("x-inbox-budget-used"));
    if (response.headers.has("x-inbox-budget-used") && Number.isFinite(used)) {
      this.budgetUsed = used;
    }
    return response;
  }

  /** A GET the browser makes unless its cache still holds a fresh answer. */
  private async cachedGet(path: string, staleMs: number): Promise<Response | null> {
    const at = this.kept.get(path);
    if (at !== undefined && Date.now() - at < staleMs) return null;
    const response = await this.call(path);
    if (response.ok) this.kept.set(path, Date.now());
    return response;
  }

  /** One view: its rows, and the tab counts the inbox asks for beside them. */
  private async view(params: Record<string, string>): Promise<Listed | null> {
    const started = Date.now();
    const query = new URLSearchParams(params);
    const shown = params.status ?? null;
    // With derivations, the shown tab's count comes with its rows and one tab follows from the
    // other two (lib/inbox/status-counts.ts); without, all four are asked for.
    const countTabs =
      this.mode === "on"
        ? shown === null
          ? ["FLAGGED", "BLOCKED"]
          : STATUSES.filter((status) => status !== shown)
        : [null, ...STATUSES];
    const counts = countTabs.map((status) => {
      const count = new URLSearchParams(params);
      count.delete("offset");
      count.set("limit", "1");
      if (status === null) count.delete("status");
      else count.set("status", status);
      return this.cachedGet(`/api/users?${count}`, BROWSER_STALE_MS.count);
    });
    const page = await this.cachedGet(`/api/users?${query}`, BROWSER_STALE_MS.page);
    let listed: Listed | null = null;
    if (page) {
      if (page.ok) {
        listed = (await page.json()) as Listed;
        this.rows.push(Date.now() - started);
        this.lastPage.set(query.toString(), listed);
      } else {
        await page.arrayBuffer();
      }
    } else {
      listed = this.lastPage.get(query.toString()) ?? null;
    }
    for (const count of await Promise.all(counts)) await count?.arrayBuffer();
    // The idle prefetch of the next page: with the team features only while the budget has room.
    if (listed?.hasNext && (this.mode === "off" || this.budgetUsed < 0.5)) {
      const next = new URLSearchParams(query);
      next.set("offset", String(Number(params.offset ?? 0) + 50));
      const prefetch = await this.cachedGet(`/api/users?${next}`, BROWSER_STALE_MS.page);
      if (prefetch?.ok) this.lastPage.set(next.toString(), (await prefetch.json()) as Listed);
      else await prefetch?.arrayBuffer();
    }
    return listed;
  }

  private readonly lastPage = new Map<string, Listed>();

  async work(until: number): Promise<void> {
    const country = COUNTRIES[Math.floor(this.random() * COUNTRIES.length)] ?? "ESP";
    const steps: Array<() => Promise<unknown>> = [
      () => this.view({ status: "FLAGGED" }),
      () => this.view({ status: "FLAGGED", offset: "50" }),
      async () => {
        const listed = this.lastPage.get(
          new URLSearchParams({ status: "FLAGGED", offset: "50" }).toString(),
        );
        const user = listed?.results[Math.floor(this.random() * (listed?.results.length ?? 1))];
        if (!user) return;
        const detail = user.vendorData
          ? this.call(`/api/users/detail?${new URLSearchParams({ vendor_data: user.vendorData })}`)
          : null;
        const history = this.call(`/api/activity/users/${encodeURIComponent(user.id)}`);
        for (const response of await Promise.all([detail, history])) await response?.arrayBuffer();
        this.opened++;
        if (this.opened % 3 === 0 && user.vendorData && user.status === "FLAGGED") {
          const decided = await this.call("/api/decisions", {
            method: "POST",
            body: JSON.stringify({
              users: [{ id: user.id, vendorData: user.vendorData, status: user.status }],
              status: "ACTIVE",
              reason: "Benchmark: documents verified",
            }),
          });
          await decided.arrayBuffer();
          // The browser refreshes every users query after its own decision.
          this.kept.clear();
        }
      },
      // Closing the panel costs nothing; the filter and Back are views again.
      () => this.view({ status: "FLAGGED", country }),
      () => this.view({ status: "FLAGGED", offset: "50" }),
    ];
    for (let step = 0; Date.now() < until; step = (step + 1) % steps.length) {
      await steps[step]?.();
      this.actions++;
      await sleep(3000 + this.random() * 5000);
    }
  }
}

/** A new, empty database in the cluster, so each run's shared budget starts unspent. */
async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `team_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function upstreamStats(): Promise<{ requests: number; throttled: number }> {
  const response = await fetch(`http://${HOST}:${PORTS.upstream}/__bench/stats`);
  return (await response.json()) as { requests: number; throttled: number };
}

function teamEnv(port: number, mode: "on" | "off", extra: Record<string, string>) {
  return {
    ...appEnv(),
    PORT: String(port),
    DIDIT_API_BASE_URL: `http://${HOST}:${PORTS.upstream}`,
    // Didit's own limit, whole: the stand-in enforces it, and the inbox's budget is what keeps
    // the analysts from meeting it.
    DIDIT_RATE_LIMIT_PER_MINUTE: "540",
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: PASSCODE,
    INBOX_SESSION_SECRET: SESSION_SECRET,
    LOG_LEVEL: "warn",
    ...(mode === "off" && { DIDIT_CACHE_SECONDS: "0", DIDIT_COUNT_CACHE_SECONDS: "0" }),
    ...extra,
  };
}

async function oneRun(
  root: string,
  logDir: string,
  setup: { analysts: number; instances: 1 | 2; mode: "on" | "off"; seconds: number },
  databaseUrl: string | null,
): Promise<TeamRun> {
  const servers: Server[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "bench-team-"));
  try {
    servers.push(
      await startUpstreamOn(root, join(logDir, "team-upstream.log"), PORTS.upstream, {
        BENCH_UPSTREAM_LIMITS: "didit",
      }),
    );
    const ports = setup.instances === 1 ? [PORTS.first] : [PORTS.first, PORTS.second];
    for (const port of ports) {
      const store: Record<string, string> = databaseUrl
        ? { DATABASE_URL: databaseUrl }
        : { INBOX_DATA_DIR: join(dataDir, String(port)) };
      servers.push(
        await startAppOn(
          root,
          join(logDir, `team-app-${port}.log`),
          port,
          teamEnv(port, setup.mode, store),
        ),
      );
    }
    const analysts = Array.from(
      { length: setup.analysts },
      (_, i) =>
        new Analyst(
          `http://${HOST}:${ports[i % ports.length]}`,
          `Bench Analyst ${i + 1}`,
          setup.mode,
          i + 1,
        ),
    );
    for (const analyst of analysts) await analyst.signIn();
    await upstreamStats();
    const until = Date.now() + setup.seconds * 1000;
    // Staggered over the first think time, as a team does not click in unison.
    await Promise.all(
      analysts.map(async (analyst, i) => {
        await sleep((i / analysts.length) * 3000);
        await analyst.work(until);
      }),
    );
    const upstream = await upstreamStats();
    const actions = analysts.reduce((sum, a) => sum + a.actions, 0);
    const rows = analysts.flatMap((a) => a.rows).sort((a, b) => a - b);
    return {
      analysts: setup.analysts,
      instances: setup.instances,
      mode: setup.mode,
      actions,
      requests: analysts.reduce((sum, a) => sum + a.requests, 0),
      rateLimited: analysts.reduce((sum, a) => sum + a.rateLimited, 0),
      upstreamCalls: upstream.requests,
      upstreamThrottled: upstream.throttled,
      callsPerAction: actions ? upstream.requests / actions : 0,
      rowsP50: rows.length ? percentileOfSorted(rows, 50) : null,
      rowsP95: rows.length ? percentileOfSorted(rows, 95) : null,
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureTeamLoad(
  root: string,
  options: { sizes: number[]; seconds: number; logDir: string; progress: (line: string) => void },
): Promise<TeamLoadResult> {
  const runs: TeamRun[] = [];
  const skipped: string[] = [];
  const bin = findPostgresBin();
  const cluster = "dir" in bin ? await startPostgresCluster(bin.dir) : null;
  if (!cluster && "missing" in bin) skipped.push(`two instances: ${bin.missing}`);
  try {
    for (const instances of cluster ? ([1, 2] as const) : ([1] as const)) {
      for (const analysts of options.sizes) {
        for (const mode of ["on", "off"] as const) {
          const databaseUrl = instances === 2 && cluster ? await freshDatabase(cluster.url) : null;
          const run = await oneRun(
            root,
            options.logDir,
            { analysts, instances, mode, seconds: options.seconds },
            databaseUrl,
          );
          options.progress(
            `team load: ${analysts} analysts, ${instances} instance(s), features ${mode}: ` +
              `${run.rateLimited}/${run.requests} answers 429, ${run.callsPerAction.toFixed(2)} calls/action`,
          );
          runs.push(run);
        }
      }
    }
  } finally {
    cluster?.stop();
  }
  return { seconds: options.seconds, runs, skipped };
}
