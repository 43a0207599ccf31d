#!/usr/bin/env node
// After `next build`: fails if the configured Didit API key appears in anything the server can
// send to a browser as built (client bundles, prerendered pages and their payloads).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const key = process.env.DIDIT_API_KEY;
if (!key) {
  console.error("scan-build-for-secret: set DIDIT_API_KEY to the key the build was made with.");
  process.exit(2);
}

const roots = [".next/static", ".next/server/app", ".next/server/pages"];
const prerendered = /\.(html|rsc|body|meta|json|segment\..*)$/;

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let scanned = 0;
const leaks = [];
for (const root of roots) {
  for (const path of files(root)) {
    // Everything under static is shipped to browsers; under server, only prerendered output is.
    if (root !== ".next/static" && !prerendered.test(path)) continue;
    scanned++;
    if (readFileSync(path).includes(key)) leaks.push(path);
  }
}
if (scanned === 0) {
  console.error("scan-build-for-secret: no build output found; run `next build` first.");
  process.exit(2);
}
if (leaks.length > 0) {
  console.error(`The API key was found in ${leaks.length} built file(s):\n${leaks.join("\n")}`);
  process.exit(1);
}
console.warn(`scan-build-for-secret: the key appears in none of ${scanned} browser-facing files.`);
