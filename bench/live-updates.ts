import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { findPostgresBin, startPostgresCluster } from "../lib/testing/postgres-cluster";
import { VIEWPORT, waitForSettledTable } from "./browser";
import { appEnv, HOST } from "./config";
import { type Server, startAppOn } from "./servers";
import { type Summary, summarize } from "./stats";

/**
 * Section 10, live updates: how long after analyst A claims a user analyst B's open inbox shows
 * "In review by A", on one instance (embedded store, events in process) and on two instances
 * sharing one PostgreSQL (events through LISTEN/NOTIFY). B is a real Chromium; A's claim is the
 * same request the panel's Claim button sends. The baseline is that request's own round trip:
 * what B waits beyond it is the event's trip to B and B's refresh.
 */

export interface LiveSetupResult {
  /** From just before A's claim is sent until the chip is in B's DOM (system clock on both). */
  seenMs: Summary & { p95: number };
  /** A's POST /api/claims, request to answer. */
  claimMs: Summary & { p95: number };
}

export interface LiveUpdatesResult {
  samples: number;
  oneInstance: LiveSetupResult;
  twoInstances: LiveSetupResult | { skipped: string };
}

const PASSCODE = "bench-passcode-for-live-updates";
const SESSION_SECRET = "bench-session-secret-0123456789abcdef0123456789";
const PORTS = { single: 3310, first: 3311, second: 3312 } as const;

function withP95(samples: number[]): Summary & { p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 =
    sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
  return { ...summarize(samples), p95 };
}

function teamEnv(port: number, extra: Record<string, string>): Record<string, string> {
  return {
    ...appEnv(),
    PORT: String(port),
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: PASSCODE,
    INBOX_SESSION_SECRET: SESSION_SECRET,
    ...extra,
  };
}

function chipSelector(userId: string): string {
  return `tr[data-user-id="${userId}"] [data-testid="claim-chip"]`;
}

/**
 * Puts a promise on the page that resolves with Date.now() when the user's claim chip appears,
 * watched from before A acts, so the figure ends at the DOM change itself.
 */
function watchForChip(userId: string): string {
  const selector = JSON.stringify(chipSelector(userId));
  return `window.benchSeen = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${selector})) return;
      observer.disconnect();
      resolve(Date.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }); undefined`;
}

/** A session cookie signed in through the real sign-in route. */
async function signIn(origin: string, name: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ name, passcode: PASSCODE }),
  });
  const cookie = response.headers.get("set-cookie")?.match(/inbox_session=([^;]+)/)?.[1];
  if (!response.ok || !cookie) throw new Error(`sign-in at ${origin} answered ${response.status}`);
  return cookie;
}

/** B's inbox, signed in, with the table settled and the event stream connected. */
async function openWatcher(browser: Browser, origin: string): Promise<Page> {
  const cookie = await signIn(origin, "Bench Watcher");
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies([{ name: "inbox_session", value: cookie, url: origin }]);
  const page = await context.newPage();
  await page.goto(`${origin}/?limit=50`);
  await waitForSettledTable(page, 60_000);
  await page.waitForSelector('[data-testid="live-state"][data-state="live"]', { timeout: 30_000 });
  return page;
}

async function measureSetup(
  browser: Browser,
  actorOrigin: string,
  watcherOrigin: string,
  samples: number,
): Promise<LiveSetupResult> {
  const watcher = await openWatcher(browser, watcherOrigin);
  const actor = await signIn(actorOrigin, "Bench Claimer");
  const ids = await watcher.$$eval("tbody tr[data-user-id]", (rows) =>
    rows.map((row) => row.getAttribute("data-user-id") ?? ""),
  );
  const seen: number[] = [];
  const claim: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const id = ids[i % ids.length];
      if (!id) throw new Error("the watcher's inbox shows no users");
      // Watch B's DOM for the chip from before A acts; the page stamps the moment it appears.
      // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
      await watcher.evaluate(watchForChip(id));
      const sentAt = Date.now();
      const response = await fetch(`${actorOrigin}/api/claims`, {
        method: "POST",
        headers: {
          origin: actorOrigin,
          "content-type": "application/json",
          cookie: `inbox_session=${actor}`,
        },
        body: JSON.stringify({ userId: id, vendorData: null, takeOver: true }),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`POST /api/claims answered ${response.status}`);
      claim.push(Date.now() - sentAt);
      const seenAt = (await watcher.evaluate("window.benchSeen")) as number;
      seen.push(seenAt - sentAt);
      // Released again, so the next round of the same user starts without a chip.
      const release = await fetch(`${actorOrigin}/api/claims?user=${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers: { origin: actorOrigin, cookie: `inbox_session=${actor}` },
      });
      await release.arrayBuffer();
      // Polled from here: the page's CSP forbids the eval waitForFunction would need.
      const gone = `!document.querySelector(${JSON.stringify(chipSelector(id))})`;
      for (let tries = 0; !(await watcher.evaluate(gone)); tries++) {
        if (tries > 1500) throw new Error("the released claim's chip stayed on B's screen");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    await watcher.context().close();
  }
  return { seenMs: withP95(seen), claimMs: withP95(claim) };
}

export async function measureLiveUpdates(
  root: string,
  browser: Browser,
  options: { samples: number; logDir: string },
): Promise<LiveUpdatesResult> {
  const servers: Server[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "bench-live-"));
  try {
    const single = await startAppOn(
      root,
      join(options.logDir, "live-single.log"),
      PORTS.single,
      teamEnv(PORTS.single, { INBOX_DATA_DIR: join(dataDir, "single") }),
    );
    servers.push(single);
    const singleOrigin = `http://${HOST}:${PORTS.single}`;
    const oneInstance = await measureSetup(browser, singleOrigin, singleOrigin, options.samples);
    await single.stop();
    servers.pop();

    const bin = findPostgresBin();
    if ("missing" in bin) {
      return { samples: options.samples, oneInstance, twoInstances: { skipped: bin.missing } };
    }
    const cluster = await startPostgresCluster(bin.dir);
    try {
      const env = { DATABASE_URL: cluster.url };
      // One after the other: the first migrates the shared store.
      for (const [name, port] of [
        ["first", PORTS.first],
        ["second", PORTS.second],
      ] as const) {
        servers.push(
          await startAppOn(
            root,
            join(options.logDir, `live-${name}.log`),
            port,
            teamEnv(port, env),
          ),
        );
      }
      const twoInstances = await measureSetup(
        browser,
        `http://${HOST}:${PORTS.first}`,
        `http://${HOST}:${PORTS.second}`,
        options.samples,
      );
      return { samples: options.samples, oneInstance, twoInstances };
    } finally {
      for (const server of servers.splice(0).reverse()) await server.stop();
      cluster.stop();
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
