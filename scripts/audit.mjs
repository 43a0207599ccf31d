#!/usr/bin/env node
// `npm audit --omit=dev --audit-level=high`, run by `npm test`. Fails on any high or critical
// advisory in production dependencies. Where the registry offers no audit service (some
// mirrors answer 405), it says so loudly and does not fail: it cannot tell either way.
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
  encoding: "utf8",
});
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error("npm audit printed no report:\n", result.stderr);
  process.exit(1);
}

if (report.statusCode || report.error) {
  const reason = report.message ?? report.error?.summary ?? "unknown error";
  console.warn(
    `WARNING: npm audit could not run (${reason.split("\n")[0]}); advisories NOT checked.`,
  );
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
if (serious > 0) {
  for (const [name, vuln] of Object.entries(report.vulnerabilities ?? {})) {
    if (vuln.severity === "high" || vuln.severity === "critical") {
      console.error(`${vuln.severity}: ${name} ${vuln.range}`);
    }
  }
  console.error(`npm audit: ${serious} high or critical advisories in production dependencies.`);
  process.exit(1);
}
console.warn("npm audit: no high or critical advisories in production dependencies.");
