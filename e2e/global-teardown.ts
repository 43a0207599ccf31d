import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_DIDIT_KEY, E2E_PASSCODE, E2E_SESSION_SECRET, SERVER_LOG_DIR } from "./servers";

/**
 * What the servers logged during the whole run must hold no secret and no personal data: the
 * key, the passcode, search terms, names and emails the tests typed, or query strings.
 */
const FORBIDDEN = [
  E2E_DIDIT_KEY,
  E2E_PASSCODE,
  E2E_SESSION_SECRET,
  "zzzz-nobody-has-this-name",
  "example.org",
  "@example.com",
  "Ana Analyst",
  "Guesser",
  "status=FLAGGED",
  "search=",
  "inbox_session=",
];

export default async function globalTeardown() {
  let files: string[];
  try {
    files = readdirSync(SERVER_LOG_DIR).filter((name) => name.endsWith(".log"));
  } catch {
    throw new Error(`No server logs in ${SERVER_LOG_DIR}: the log scan cannot run.`);
  }
  const problems: string[] = [];
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(join(SERVER_LOG_DIR, file), "utf8");
    lines += text.split("\n").length;
    for (const needle of FORBIDDEN) {
      if (text.includes(needle))
        problems.push(`${file} contains ${JSON.stringify(needle.slice(0, 12))}…`);
    }
  }
  if (
    !files.some((file) =>
      readFileSync(join(SERVER_LOG_DIR, file), "utf8").includes('"route":"/api/users"'),
    )
  ) {
    problems.push("no access-log line for /api/users was captured: is logging on?");
  }
  if (problems.length > 0) throw new Error(`Server logs leak data:\n${problems.join("\n")}`);
  console.warn(
    `Log scan: ${lines} lines from ${files.length} servers hold no secret or personal data.`,
  );
}
