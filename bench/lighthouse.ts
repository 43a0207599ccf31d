import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { chromiumExecutable } from "./browser";
import { APP_ORIGIN, CHROMIUM_FLAGS, LIGHTHOUSE_DEBUG_PORT } from "./config";

/**
 * Section 6, Lighthouse 12 on `/` with the system Chromium. The desktop preset is the one the
 * budgets apply to (analysts triage at a desk, on a 1,600 px table); the default mobile preset
 * (4x CPU slowdown, slow 4G, both simulated) runs beside it when asked for.
 */

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const RUN_TIMEOUT_MS = 120_000;

export interface LighthouseRun {
  preset: "desktop" | "mobile";
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  metricsMs: Record<string, number | null>;
  cls: number | null;
  /** Audits below a full score in the accessibility and best-practices categories. */
  failing: Array<{
    category: string;
    id: string;
    title: string;
    score: number | null;
    examples: string[];
  }>;
  warnings: string[];
  durationMs: number;
}

export interface LighthouseResult {
  version: string;
  runs: LighthouseRun[];
}

/** A few lines from an audit's table (console messages, offending elements) to act on. */
function examplesOf(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.slice(0, 3).map((item) => {
    const record = item as Record<string, unknown>;
    const node = record.node as { snippet?: string } | undefined;
    const text = record.description ?? node?.snippet ?? record.source ?? record.url ?? "";
    return String(text).slice(0, 160);
  });
}

type Flags = NonNullable<Parameters<typeof lighthouse>[1]>;
type Config = Parameters<typeof lighthouse>[2];

async function runOnce(preset: "desktop" | "mobile"): Promise<LighthouseRun & { version: string }> {
  const started = performance.now();
  const chrome = await launch({
    chromePath: chromiumExecutable(),
    chromeFlags: CHROMIUM_FLAGS,
    port: LIGHTHOUSE_DEBUG_PORT,
    logLevel: "silent",
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    };
    const config: Config = preset === "desktop" ? desktopConfig : undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${RUN_TIMEOUT_MS} ms`)),
        RUN_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([lighthouse(`${APP_ORIGIN}/`, flags, config), timeout]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no report");
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id: string) => {
      const s = lhr.categories[id]?.score;
      return s == null ? null : Math.round(s * 100);
    };
    const numeric = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      return v == null ? null : Math.round(v);
    };
    const failing: LighthouseRun["failing"] = [];
    for (const category of ["accessibility", "best-practices"]) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        failing.push({
          category,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          examples: examplesOf(audit.details),
        });
      }
    }
    return {
      version: lhr.lighthouseVersion,
      preset,
      scores: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
      },
      metricsMs: {
        fcp: numeric("first-contentful-paint"),
        lcp: numeric("largest-contentful-paint"),
        tbt: numeric("total-blocking-time"),
        si: numeric("speed-index"),
      },
      cls:
        lhr.audits["cumulative-layout-shift"]?.numericValue == null
          ? null
          : Math.round((lhr.audits["cumulative-layout-shift"].numericValue ?? 0) * 1000) / 1000,
      failing,
      warnings: lhr.runWarnings,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
    chrome.kill();
  }
}

export async function measureLighthouse(
  presets: Array<"desktop" | "mobile">,
): Promise<LighthouseResult> {
  const runs: LighthouseRun[] = [];
  let version = "";
  for (const preset of presets) {
    let outcome: Awaited<ReturnType<typeof runOnce>>;
    try {
      outcome = await runOnce(preset);
    } catch (error) {
      // Chrome sometimes shows an interstitial on a busy machine; a second try is enough.
      const message = error instanceof Error ? error.message : String(error);
      outcome = await runOnce(preset);
      outcome.warnings.push(`first attempt failed: ${message.slice(0, 200)}`);
    }
    const { version: v, ...run } = outcome;
    version = v;
    runs.push(run);
  }
  return { version, runs };
}
