#!/usr/bin/env node
// `npm start`: builds once if there is no production build yet, then serves it on
// HOSTNAME:PORT (default 127.0.0.1:3000, so a fresh start is not exposed to the network).
//
// A small custom server rather than `next start`, so that start-up and shutdown happen in the
// right order: the app prepares (instrumentation.ts opens and migrates the store, and refuses a
// locked data directory) before the port is opened, and on SIGTERM/SIGINT the store is closed
// cleanly after the last request instead of being cut off by the framework's own exit.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const hostname = process.env.HOSTNAME?.trim() || "127.0.0.1";
const port = Number(process.env.PORT?.trim() || "3000");
process.env.HOSTNAME = hostname;
process.env.PORT = String(port);

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.warn("No production build found: running `next build` first.");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

/**
 * What the app registers on `globalThis` when it has started (lib/server/start.ts). The framework
 * may finish `prepare()` before instrumentation.ts's `register()` has (it opens and migrates the
 * store first), so this waits for it; a start that fails exits the process from there, with its
 * reason. Nothing is served before the store is ready and every request can be checked.
 */
async function registered(name, timeoutMs = 120_000) {
  const key = Symbol.for(`didit-inbox.${name}`);
  const deadline = Date.now() + timeoutMs;
  while (typeof globalThis[key] !== "function") {
    if (Date.now() > deadline) {
      console.error(`The inbox cannot start: its ${name.replace("-", " ")} was not registered.`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return globalThis[key];
}

/** The connection's own address, for the app to tell clients apart (never a client's header). */
const PEER_HEADER = "x-inbox-peer-address";

/**
 * Registered by the app at start-up (lib/server/start.ts, lib/http/host-guard.ts): refuses a
 * request whose Host is not the inbox's own (DNS rebinding), and, without sign-in, one that came
 * through a proxy. Asked before the framework adds forwarding headers of its own.
 */
const requestGuard = await registered("request-guard");
/** Headers that depend on the deployment (HSTS over https): lib/http/security-headers.ts. */
const responseHeaders = (await registered("response-headers"))();

const server = createServer((request, response) => {
  for (const [name, value] of responseHeaders) response.setHeader(name, value);
  const refused = requestGuard(request.headers, request.url);
  if (refused) {
    response.writeHead(refused.status, {
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    response.end(JSON.stringify(refused.body));
    return;
  }
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  handle(request, response);
});
server.keepAliveTimeout = 5_000;
server.listen(port, hostname, () => {
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  process.stdout.write(`Didit Review Inbox ready on http://${shown}:${port}\n`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  // Event streams never finish on their own: they are ended first.
  const endStreams = globalThis[Symbol.for("didit-inbox.end-streams")];
  if (typeof endStreams === "function") await endStreams().catch(() => undefined);
  // New connections are refused; requests in progress finish; idle keep-alives are dropped.
  server.close();
  server.closeIdleConnections();
  const drained = new Promise((resolve) => server.once("close", resolve));
  const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  await Promise.race([drained, deadline]);
  server.closeAllConnections();
  const shutdown = globalThis[Symbol.for("didit-inbox.shutdown")];
  if (typeof shutdown === "function") await shutdown().catch(() => undefined);
  process.exit(signal === "SIGINT" ? 130 : 0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
