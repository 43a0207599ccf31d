import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./config";

/** One Chromium for the browser sections, launched as the e2e suite launches it. */

export const VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...(CHROMIUM_PATH !== null && { executablePath: CHROMIUM_PATH }),
    args: CHROMIUM_FLAGS,
    timeout: 30_000,
  });
}

/** The path Chrome is at, for tools that launch their own (Lighthouse). */
export function chromiumExecutable(): string {
  return CHROMIUM_PATH ?? chromium.executablePath();
}

/** Resolves once the inbox table shows settled rows (aria-busy="false" and at least one row). */
export async function waitForSettledTable(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const table = document.querySelector("table[aria-busy]");
      return table?.getAttribute("aria-busy") === "false" && !!table.querySelector("tbody tr");
    },
    undefined,
    { timeout: timeoutMs, polling: "raf" },
  );
}

/**
 * Waits until no request has started or finished for `quietMs` (bounded by `timeoutMs`), so the
 * next measurement does not overlap the app's own prefetches.
 */
export async function waitForNetworkQuiet(page: Page, quietMs = 400, timeoutMs = 10_000) {
  let inFlight = 0;
  let lastChange = Date.now();
  const onStart = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const onEnd = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on("request", onStart);
  page.on("requestfinished", onEnd);
  page.on("requestfailed", onEnd);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
      await page.waitForTimeout(50);
    }
  } finally {
    page.off("request", onStart);
    page.off("requestfinished", onEnd);
    page.off("requestfailed", onEnd);
  }
}
