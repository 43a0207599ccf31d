#!/usr/bin/env node
// `npm start`: builds once if there is no production build yet, then serves it on
// HOSTNAME:PORT (default 127.0.0.1:3000, so a fresh start is not exposed to the network).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  HOSTNAME: process.env.HOSTNAME?.trim() || "127.0.0.1",
  PORT: process.env.PORT?.trim() || "3000",
};

function run(args) {
  const result = spawnSync(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.warn("No production build found: running `next build` first.");
  run(["build"]);
}
run(["start", "--hostname", env.HOSTNAME, "--port", env.PORT]);
