import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { generateUsers } from "../lib/sandbox/dataset";
import { sandboxListener } from "../lib/sandbox/node-listener";
import { buildSandboxIndex } from "../lib/sandbox/query";
import { createSandboxRateLimiter } from "../lib/sandbox/rate-limit";

/**
 * A stand-in for Didit on its own process: the sandbox's handler over node:http, as the e2e fake
 * serves it, but without fault injection. Keeping it out of the Next process means the proxy's
 * CPU and the upstream's never mix in one /proc reading.
 *
 * `GET /__bench/stats` answers how long this process itself spent on each list request since the
 * last call (and starts a new tally), so the report can show the upstream's own share.
 *
 * Env: BENCH_UPSTREAM_PORT (0: any free port, printed in the readiness line), BENCH_API_KEY, and
 * BENCH_UPSTREAM_USERS (how many generated users; the sandbox's own 5,000 when unset). Loopback
 * only.
 */

const port = Number(process.env.BENCH_UPSTREAM_PORT);
const apiKey = process.env.BENCH_API_KEY ?? "";
const userCount = process.env.BENCH_UPSTREAM_USERS
  ? Number(process.env.BENCH_UPSTREAM_USERS)
  : null;
if (
  !Number.isInteger(port) ||
  port < 0 ||
  apiKey.length < 8 ||
  (userCount !== null && !(Number.isInteger(userCount) && userCount > 0))
) {
  console.error(
    "upstream-server: set BENCH_UPSTREAM_PORT, BENCH_API_KEY (8+ characters) and optionally BENCH_UPSTREAM_USERS",
  );
  process.exit(2);
}

/** Handling times in ms; capped so a runaway load cannot grow it without bound. */
const MAX_SAMPLES = 200_000;
let samples: number[] = [];

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

function statsBody(): string {
  const sorted = samples.sort((a, b) => a - b);
  samples = [];
  const counts = served;
  served = { requests: 0, throttled: 0 };
  return JSON.stringify({
    ...counts,
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((sum, x) => sum + x, 0) / sorted.length : null,
  });
}

// No write limit: the decisions section measures the inbox's cost, and the app's own write budget.
// BENCH_UPSTREAM_LIMITS=didit enforces Didit's own per-key limits (600 GET and 300 writes a
// minute, 429 with Retry-After), for the team-load section.
const diditLimits = process.env.BENCH_UPSTREAM_LIMITS === "didit";
const rateLimiter = createSandboxRateLimiter(
  diditLimits ? { readsPerMinute: 600, writesPerMinute: 300 } : { writesPerMinute: null },
);
/** Every request served since the last stats call, and how many of them were 429s. */
let served = { requests: 0, throttled: 0 };
const serveSandbox = sandboxListener(
  userCount === null
    ? { apiKey, rateLimiter }
    : { apiKey, rateLimiter, users: buildSandboxIndex(generateUsers(userCount)) },
);

const server = createServer(async (req, res) => {
  if (req.url?.startsWith("/__bench/stats")) {
    res.writeHead(200, { "content-type": "application/json" }).end(statsBody());
    return;
  }
  const started = performance.now();
  await serveSandbox(req, res);
  served.requests++;
  if (res.statusCode === 429) served.throttled++;
  if (samples.length < MAX_SAMPLES) samples.push(performance.now() - started);
});

server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => {
  // The readiness line the orchestrator waits for (and reads the port from, when it was 0).
  process.stdout.write(
    `upstream listening on 127.0.0.1:${(server.address() as AddressInfo).port}\n`,
  );
});

function shutdown() {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// Orphaned (the orchestrator was killed outright): do not outlive it on the bench's port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 1000).unref();
