/** Everything the benchmark's sections share: where things listen and how Chromium starts. */

/** The Next app under test (live mode, pointed at UPSTREAM_PORT). */
export const APP_PORT = 3300;
/** The standalone Didit stand-in (bench/upstream-server.ts). */
export const UPSTREAM_PORT = 3301;
/** Chrome's DevTools port for Lighthouse (chrome-launcher would otherwise pick any port). */
export const LIGHTHOUSE_DEBUG_PORT = 3390;

export const HOST = "127.0.0.1";
export const APP_ORIGIN = `http://${HOST}:${APP_PORT}`;
export const UPSTREAM_ORIGIN = `http://${HOST}:${UPSTREAM_PORT}`;

/** Not a secret: the key the bench upstream accepts, so the app runs in live mode. */
export const BENCH_API_KEY = "bench-didit-key-5d0c7e2a91";

export const DIST_DIR = ".next-bench";

export { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../e2e/chromium";

/** What a browser sends, so the proxy compresses as it would for the real inbox. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** Environment of the Next server: live mode, no sign-in (allowed on loopback only). */
export function appEnv(): Record<string, string> {
  return {
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    PORT: String(APP_PORT),
    HOSTNAME: HOST,
    DIDIT_API_KEY: BENCH_API_KEY,
    DIDIT_API_BASE_URL: UPSTREAM_ORIGIN,
    INBOX_AUTH: "none",
    // The load test measures the proxy's own cost, not Didit's 600-a-minute limit. A budget this
    // high is accepted only because the upstream is on loopback (lib/env/schema.ts).
    DIDIT_RATE_LIMIT_PER_MINUTE: "1000000",
    // A store of its own, so the benchmark never shares one with a server already running here.
    INBOX_DATA_DIR: "bench/.tmp/data",
  };
}
