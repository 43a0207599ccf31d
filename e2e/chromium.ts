import { existsSync } from "node:fs";

/**
 * How the end-to-end suite and the benchmark run Chromium. Debian's Chromium is used where it is
 * installed (Playwright cannot download browsers on every machine); elsewhere, Playwright's own.
 */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium where installed; null lets Playwright use its own browser. */
export const CHROMIUM_PATH: string | null = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null;

/** Headless, and quiet on a machine without outside network (no background connections). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
