import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { VIEWPORT, waitForNetworkQuiet, waitForSettledTable } from "./browser";
import { APP_ORIGIN } from "./config";
import { ratio, round } from "./stats";

/**
 * Section 4, page weight: what Chromium downloads for `/`, by resource type, in compressed bytes
 * on the wire (DevTools' encodedDataLength: body plus headers), beside the same for the app's own
 * 404 page, which carries only the framework's JavaScript. Plus the server-rendered HTML's size,
 * raw and compressed, beside the JSON of the rows it renders.
 */

export interface TypeWeight {
  count: number;
  /** Bytes on the wire, headers included. */
  transferBytes: number;
  /** Compressed body bytes only. */
  bodyBytes: number;
  /** Bytes after decompression. */
  decodedBytes: number;
}

export interface LoadWeight {
  path: string;
  byType: Record<string, TypeWeight>;
  totalTransferBytes: number;
  contentEncodings: Record<string, number>;
  /** The biggest scripts, to see where the JavaScript comes from. */
  largestScripts: Array<{ path: string; transferBytes: number; decodedBytes: number }>;
}

export interface PageWeightResult {
  inbox: LoadWeight;
  frameworkBaseline: LoadWeight;
  jsTransferBytes: number;
  cssTransferBytes: number;
  jsRatioToFramework: number | null;
  html: {
    rawBytes: number;
    gzipBytes: number;
    brotliBytes: number;
    rowsJsonRawBytes: number;
    ratioToRowsJson: number | null;
  };
}

interface Tracked {
  url: string;
  type: string;
  headerBytes: number;
  decoded: number;
  encoding: string;
  done?: number;
}

async function loadAndWeigh(browser: Browser, path: string, expectTable: boolean) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, Tracked>();
    cdp.on("Network.responseReceived", (event) => {
      const encoding = Object.entries(event.response.headers).find(
        ([name]) => name.toLowerCase() === "content-encoding",
      )?.[1];
      requests.set(event.requestId, {
        url: event.response.url,
        type: event.type ?? "Other",
        headerBytes: event.response.encodedDataLength ?? 0,
        decoded: 0,
        encoding: encoding ? String(encoding) : "identity",
      });
    });
    cdp.on("Network.dataReceived", (event) => {
      const tracked = requests.get(event.requestId);
      if (tracked) tracked.decoded += event.dataLength;
    });
    cdp.on("Network.loadingFinished", (event) => {
      const tracked = requests.get(event.requestId);
      if (tracked) tracked.done = event.encodedDataLength;
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(`${APP_ORIGIN}${path}`, { waitUntil: "load", timeout: 30_000 });
    if (expectTable) await waitForSettledTable(page);
    await waitForNetworkQuiet(page, 800, 10_000);

    const byType: Record<string, TypeWeight> = {};
    const contentEncodings: Record<string, number> = {};
    let totalTransferBytes = 0;
    for (const tracked of requests.values()) {
      if (tracked.done === undefined) continue;
      const entry = byType[tracked.type] ?? {
        count: 0,
        transferBytes: 0,
        bodyBytes: 0,
        decodedBytes: 0,
      };
      byType[tracked.type] = entry;
      entry.count++;
      entry.transferBytes += tracked.done;
      entry.bodyBytes += Math.max(0, tracked.done - tracked.headerBytes);
      entry.decodedBytes += tracked.decoded;
      totalTransferBytes += tracked.done;
      const key = `${tracked.type}:${tracked.encoding}`;
      contentEncodings[key] = (contentEncodings[key] ?? 0) + 1;
    }
    const largestScripts = [...requests.values()]
      .filter((r) => r.type === "Script" && r.done !== undefined)
      .sort((a, b) => (b.done ?? 0) - (a.done ?? 0))
      .slice(0, 8)
      .map((r) => ({
        path: new URL(r.url).pathname,
        transferBytes: r.done ?? 0,
        decodedBytes: r.decoded,
      }));
    return {
      path,
      byType,
      totalTransferBytes,
      contentEncodings,
      largestScripts,
    } satisfies LoadWeight;
  } finally {
    await context.close();
  }
}

async function rawBytes(path: string): Promise<Buffer> {
  const response = await fetch(`${APP_ORIGIN}${path}`, {
    headers: { "accept-encoding": "identity" },
    signal: AbortSignal.timeout(20_000),
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function measurePageWeight(browser: Browser): Promise<PageWeightResult> {
  const inbox = await loadAndWeigh(browser, "/", true);
  const frameworkBaseline = await loadAndWeigh(browser, "/__bench-no-such-page", false);
  const html = await rawBytes("/");
  // The rows the HTML renders, as the app's own API returns them (the page's default view).
  const rowsJson = await rawBytes("/api/users?limit=50");
  const js = inbox.byType.Script?.transferBytes ?? 0;
  return {
    inbox,
    frameworkBaseline,
    jsTransferBytes: js,
    cssTransferBytes: inbox.byType.Stylesheet?.transferBytes ?? 0,
    jsRatioToFramework: round(ratio(js, frameworkBaseline.byType.Script?.transferBytes) ?? NaN, 2),
    html: {
      rawBytes: html.length,
      gzipBytes: gzipSync(html).length,
      brotliBytes: brotliCompressSync(html).length,
      rowsJsonRawBytes: rowsJson.length,
      ratioToRowsJson: round(ratio(html.length, rowsJson.length) ?? NaN, 2),
    },
  };
}
