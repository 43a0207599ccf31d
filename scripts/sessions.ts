// `npm run sessions -- list` shows every live session; `npm run sessions -- revoke <handle>` ends
// one, `revoke --analyst <id>` all of one analyst's, `revoke --all` everyone's. For the embedded
// store the server must be stopped first (it holds the data directory); with DATABASE_URL it works
// while the instances run, and they refuse the ended sessions at their next request.
import {
  deleteSessionByHandle,
  deleteSessionsOf,
  listSessions,
  sessionHandle,
} from "@/lib/auth/session-store";
import { openDatabase } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { parseConfig } from "@/lib/env/schema";

const USAGE =
  "Usage: npm run sessions -- list\n" +
  "       npm run sessions -- revoke <handle> | --analyst <analyst id> | --all\n";

const [command, target, value] = process.argv.slice(2);
if (command !== "list" && command !== "revoke") {
  process.stderr.write(USAGE);
  process.exit(2);
}

const config = parseConfig(process.env);
const database = await openDatabase(config.database);
const now = new Date();
try {
  if (command === "list") {
    const live = await listSessions(database.db, now);
    if (live.length === 0) process.stdout.write("No live sessions.\n");
    for (const session of live) {
      process.stdout.write(
        `${[
          sessionHandle(session.id),
          session.analyst.id,
          session.analyst.role,
          session.analyst.authMode,
          `since ${session.createdAt.toISOString()}`,
          `last active ${session.lastSeenAt.toISOString()}`,
        ].join("  ")}\n`,
      );
    }
  } else {
    let ended: number;
    if (target === "--all") {
      ended = (await database.db.delete(sessions).returning({ id: sessions.id })).length;
    } else if (target === "--analyst" && value) {
      ended = await deleteSessionsOf(database.db, value);
    } else if (target && /^[0-9a-f]{16}$/.test(target)) {
      ended = (await deleteSessionByHandle(database.db, target, now)) ? 1 : 0;
    } else {
      process.stderr.write(USAGE);
      process.exitCode = 2;
      ended = -1;
    }
    if (ended >= 0) process.stdout.write(`Ended ${ended} session${ended === 1 ? "" : "s"}.\n`);
  }
} finally {
  await database.close();
}
