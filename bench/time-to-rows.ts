import type { Browser, CDPSession, Locator, Page } from "playwright-core";
import { VIEWPORT, waitForNetworkQuiet, waitForSettledTable } from "./browser";
import { APP_ORIGIN, BENCH_API_KEY, UPSTREAM_ORIGIN } from "./config";
import { median, round } from "./stats";

/**
 * Section 5, time to rows in real Chromium: a cold load of `/` to its largest contentful paint,
 * and filter / page / page-size changes from the input event to the new rows painted, beside the
 * upstream's own time for the same `/v3/users/` request, so the app's share shows.
 *
 * The in-page probes are plain strings: tsx compiles this file with esbuild's keepNames, whose
 * `__name` helper does not exist inside the page.
 */

interface Interaction {
  kind: "filter" | "page" | "page-size";
  label: string;
  limit: number;
  /** The upstream request the new rows come from. */
  upstreamQuery: string;
  clickToCommitMs: number;
  /** To the first new rows painted (the table fills the rest of a long page a batch per frame). */
  clickToFirstPaintMs: number;
  clickToPaintMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** `/api/users` requests made and answered between the input and the new rows (0: cache). */
  apiFetches: number;
  apiFetchMs: number | null;
  /** Main-thread time by kind between the input and the paint (DevTools Performance.getMetrics). */
  mainThreadMs: MainThread;
}

interface MainThread {
  script: number;
  style: number;
  layout: number;
  allTasks: number;
}

interface ColdLoad {
  ttfbMs: number;
  fcpMs: number | null;
  lcpMs: number | null;
  lcpElement: string | null;
  domContentLoadedMs: number;
}

interface Group {
  kind: Interaction["kind"];
  limit: number;
  samples: number;
  clickToFirstPaintP50Ms: number;
  clickToPaintP50Ms: number;
  clickToPaintMaxMs: number;
  upstreamP50Ms: number | null;
  /** The `/api/users` request as the page saw it (resource timing), where one was needed. */
  apiFetchP50Ms: number | null;
  appShareMs: number | null;
  /** Medians of the per-interaction main-thread split. */
  mainThreadP50Ms: MainThread;
  longestTaskMs: number;
  fetchedShare: string;
}

export interface TimeToRowsResult {
  coldLoads: ColdLoad[];
  coldLcpP50Ms: number | null;
  coldTtfbP50Ms: number;
  upstreamDefaultViewMs: number | null;
  interactions: Interaction[];
  groups: Group[];
  upstreamMs: Record<string, number>;
}

const INSTALL_PROBE = `(() => {
  const table = () => document.querySelector("table[aria-busy]");
  const firstRow = () => (table() && table().querySelector("tbody tr") ? table().querySelector("tbody tr").textContent : "");
  performance.clearResourceTimings();
  const probe = { before: firstRow(), t0: null, first: null, firstPainted: null, commit: null, painted: null, tasks: [] };
  const paintedAfter = (key) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { probe[key] = performance.now(); };
    channel.port2.postMessage(null);
  });
  window.__benchProbe = probe;
  const longtasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
  });
  longtasks.observe({ type: "longtask" });
  const start = (event) => { if (probe.t0 === null) probe.t0 = event.timeStamp; };
  document.addEventListener("click", start, { capture: true });
  document.addEventListener("change", start, { capture: true });
  const check = () => {
    if (probe.t0 === null || probe.commit !== null) return;
    const t = table();
    if (!t || firstRow() === probe.before) return;
    // The first row changed, so the new rows are in: the placeholder keeps the old ones.
    if (probe.first === null) {
      probe.first = performance.now();
      paintedAfter("firstPainted");
    }
    if (t.getAttribute("aria-busy") !== "false") return;
    probe.commit = performance.now();
    mutations.disconnect();
    paintedAfter("painted");
  };
  const mutations = new MutationObserver(check);
  mutations.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  probe.stop = () => {
    longtasks.disconnect();
    mutations.disconnect();
    document.removeEventListener("click", start, { capture: true });
    document.removeEventListener("change", start, { capture: true });
  };
})()`;

const READ_PROBE = `(() => {
  const p = window.__benchProbe;
  p.stop();
  const tasks = p.tasks.filter((t) => t.start + t.duration >= p.t0 && t.start <= p.painted);
  const api = performance.getEntriesByType("resource")
    .filter((e) => e.name.includes("/api/users") && e.startTime >= p.t0 - 1 && e.responseEnd <= p.commit);
  return {
    clickToCommit: p.commit - p.t0,
    clickToFirstPaint: (p.firstPainted ?? p.painted) - p.t0,
    clickToPaint: p.painted - p.t0,
    longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longTasks: tasks.length,
    apiFetches: api.length,
    apiFetchMs: api.length ? Math.max(...api.map((e) => e.duration)) : null,
  };
})()`;

const READ_COLD = `new Promise((resolve) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  let lcp = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    lcp = entries[entries.length - 1];
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => {
    const el = lcp && lcp.element;
    resolve({
      ttfbMs: nav.responseStart,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      fcpMs: fcp ? fcp.startTime : null,
      lcpMs: lcp ? lcp.startTime : null,
      lcpElement: el ? (el.tagName.toLowerCase() + ": " + (el.textContent || "").trim().slice(0, 40)) : null,
    });
  }, 100);
})`;

async function coldLoad(browser: Browser): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${APP_ORIGIN}/`, { waitUntil: "load", timeout: 30_000 });
    await waitForSettledTable(page);
    await page.waitForTimeout(300);
    const cold = (await page.evaluate(READ_COLD)) as ColdLoad;
    return {
      ttfbMs: round(cold.ttfbMs, 1),
      fcpMs: cold.fcpMs === null ? null : round(cold.fcpMs, 1),
      lcpMs: cold.lcpMs === null ? null : round(cold.lcpMs, 1),
      lcpElement: cold.lcpElement,
      domContentLoadedMs: round(cold.domContentLoadedMs, 1),
    };
  } finally {
    await context.close();
  }
}

type ProbeWindow = { __benchProbe?: { painted: number | null } };

function upstreamQuery(status: string | null, limit: number, offset: number): string {
  return `${status ? `status=${status}&` : ""}limit=${limit}&offset=${offset}`;
}

const METRICS = {
  script: "ScriptDuration",
  style: "RecalcStyleDuration",
  layout: "LayoutDuration",
  allTasks: "TaskDuration",
} as const;

async function mainThreadNow(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    script: value(METRICS.script),
    style: value(METRICS.style),
    layout: value(METRICS.layout),
    allTasks: value(METRICS.allTasks),
  };
}

/** What to do: a click, or choosing an option of a select. */
type Input = { click: Locator } | { select: Locator; value: string };

/**
 * Finds the control and prepares the input before the measurement starts, so Playwright's own
 * locator work in the page (ARIA role queries over a 200-row table are not free) stays out of the
 * main-thread figures: the click is a bare mouse event at the control's centre.
 */
async function prepare(page: Page, input: Input): Promise<() => Promise<void>> {
  if ("click" in input) {
    await input.click.scrollIntoViewIfNeeded({ timeout: 10_000 });
    const box = await input.click.boundingBox({ timeout: 10_000 });
    if (box === null) throw new Error("control to click is not visible");
    return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  const handle = await input.select.elementHandle({ timeout: 10_000 });
  if (handle === null) throw new Error("select not found");
  return async () => {
    await handle.selectOption(input.value);
  };
}

async function measure(
  page: Page,
  cdp: CDPSession,
  input: Input,
  meta: Pick<Interaction, "kind" | "label" | "limit" | "upstreamQuery">,
): Promise<Interaction> {
  await waitForNetworkQuiet(page);
  const act = await prepare(page, input);
  await page.evaluate(INSTALL_PROBE);
  const before = await mainThreadNow(cdp);
  await act();
  // A function, not a string: the app's CSP forbids eval, which string predicates need.
  await page.waitForFunction(
    () => (window as unknown as ProbeWindow).__benchProbe?.painted != null,
    undefined,
    { timeout: 20_000, polling: 50 },
  );
  const after = await mainThreadNow(cdp);
  // Long-task entries reach observers asynchronously, shortly after the task ends.
  await page.waitForTimeout(150);
  const r = (await page.evaluate(READ_PROBE)) as {
    clickToCommit: number;
    clickToFirstPaint: number;
    clickToPaint: number;
    longest: number;
    longTasks: number;
    apiFetches: number;
    apiFetchMs: number | null;
  };
  return {
    ...meta,
    clickToCommitMs: round(r.clickToCommit, 1),
    clickToFirstPaintMs: round(r.clickToFirstPaint, 1),
    clickToPaintMs: round(r.clickToPaint, 1),
    longestTaskMs: round(r.longest, 1),
    longTasks: r.longTasks,
    apiFetches: r.apiFetches,
    apiFetchMs: r.apiFetchMs === null ? null : round(r.apiFetchMs, 1),
    mainThreadMs: {
      script: round(after.script - before.script, 1),
      style: round(after.style - before.style, 1),
      layout: round(after.layout - before.layout, 1),
      allTasks: round(after.allTasks - before.allTasks, 1),
    },
  };
}

const STATUS_OF: Record<string, string | null> = {
  All: null,
  Flagged: "FLAGGED",
  Blocked: "BLOCKED",
  Active: "ACTIVE",
};

function tabName(label: string): RegExp {
  return new RegExp(`^${label}\\b`);
}

/** One session: filters and pages at 50 rows, switch to 200 rows, filters and pages again. */
async function session(browser: Browser): Promise<Interaction[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const out: Interaction[] = [];
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${APP_ORIGIN}/`, { waitUntil: "load", timeout: 30_000 });
    await waitForSettledTable(page);
    const plan: Array<{ limit: number; filters: string[] }> = [
      { limit: 50, filters: ["Flagged", "Blocked", "Active"] },
      { limit: 200, filters: ["Flagged", "Blocked", "All"] },
    ];
    let status: string | null = null;
    for (const [step, { limit, filters }] of plan.entries()) {
      if (step > 0) {
        out.push(
          await measure(
            page,
            cdp,
            { select: page.getByLabel("Rows per page"), value: String(limit) },
            {
              kind: "page-size",
              label: `rows per page → ${limit}`,
              limit,
              upstreamQuery: upstreamQuery(status, limit, 0),
            },
          ),
        );
      }
      for (const name of filters) {
        status = STATUS_OF[name] ?? null;
        out.push(
          // The tab's name may go on with its count ("Flagged, 742 users").
          await measure(
            page,
            cdp,
            { click: page.getByRole("radio", { name: tabName(name) }) },
            {
              kind: "filter",
              label: `status → ${name}`,
              limit,
              upstreamQuery: upstreamQuery(status, limit, 0),
            },
          ),
        );
      }
      for (let n = 1; n <= 2; n++) {
        out.push(
          await measure(
            page,
            cdp,
            { click: page.getByRole("button", { name: "Next page" }) },
            {
              kind: "page",
              label: `next page (${n})`,
              limit,
              upstreamQuery: upstreamQuery(status, limit, n * limit),
            },
          ),
        );
      }
    }
  } finally {
    await context.close();
  }
  return out;
}

/** The upstream's own time for a request, as a client next to it sees it (median of 5). */
async function timeUpstream(query: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const response = await fetch(`${UPSTREAM_ORIGIN}/v3/users/?${query}`, {
      headers: { "x-api-key": BENCH_API_KEY },
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (i > 0) samples.push(performance.now() - started);
  }
  return round(median(samples), 2);
}

export async function measureTimeToRows(
  browser: Browser,
  options: { coldLoads: number; sessions: number },
): Promise<TimeToRowsResult> {
  const coldLoads: ColdLoad[] = [];
  for (let i = 0; i < options.coldLoads; i++) coldLoads.push(await coldLoad(browser));
  const interactions: Interaction[] = [];
  for (let i = 0; i < options.sessions; i++) interactions.push(...(await session(browser)));

  const upstreamMs: Record<string, number> = {};
  for (const query of new Set([
    upstreamQuery(null, 50, 0),
    ...interactions.map((x) => x.upstreamQuery),
  ])) {
    upstreamMs[query] = await timeUpstream(query);
  }

  const groups: Group[] = [];
  for (const kind of ["filter", "page", "page-size"] as const) {
    for (const limit of [50, 200]) {
      const xs = interactions.filter((x) => x.kind === kind && x.limit === limit);
      if (xs.length === 0) continue;
      const paint = median(xs.map((x) => x.clickToPaintMs));
      const upstream = median(xs.map((x) => upstreamMs[x.upstreamQuery] ?? Number.NaN));
      const fetches = xs.map((x) => x.apiFetchMs).filter((x): x is number => x !== null);
      groups.push({
        kind,
        limit,
        samples: xs.length,
        clickToFirstPaintP50Ms: round(median(xs.map((x) => x.clickToFirstPaintMs)), 1),
        clickToPaintP50Ms: round(paint, 1),
        clickToPaintMaxMs: round(Math.max(...xs.map((x) => x.clickToPaintMs)), 1),
        upstreamP50Ms: Number.isFinite(upstream) ? round(upstream, 1) : null,
        apiFetchP50Ms: fetches.length ? round(median(fetches), 1) : null,
        appShareMs: Number.isFinite(upstream) ? round(paint - upstream, 1) : null,
        mainThreadP50Ms: {
          script: round(median(xs.map((x) => x.mainThreadMs.script)), 1),
          style: round(median(xs.map((x) => x.mainThreadMs.style)), 1),
          layout: round(median(xs.map((x) => x.mainThreadMs.layout)), 1),
          allTasks: round(median(xs.map((x) => x.mainThreadMs.allTasks)), 1),
        },
        longestTaskMs: round(Math.max(...xs.map((x) => x.longestTaskMs)), 1),
        fetchedShare: `${xs.filter((x) => x.apiFetches > 0).length}/${xs.length}`,
      });
    }
  }
  const lcps = coldLoads.map((c) => c.lcpMs).filter((x): x is number => x !== null);
  return {
    coldLoads,
    coldLcpP50Ms: lcps.length ? round(median(lcps), 1) : null,
    coldTtfbP50Ms: round(median(coldLoads.map((c) => c.ttfbMs)), 1),
    upstreamDefaultViewMs: upstreamMs[upstreamQuery(null, 50, 0)] ?? null,
    interactions,
    groups,
    upstreamMs,
  };
}
