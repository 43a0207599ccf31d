// `npm run audit:verify`: checks the whole audit trail's hash chain and prints the first broken
// link, or how many events were checked. Uses the same store as the server (DATABASE_URL, else
// INBOX_DATA_DIR); an embedded store must not be in use by a running server.
import { verifyAuditChain } from "@/lib/db/audit-chain";
import { openDatabase } from "@/lib/db/client";
import { parseConfig } from "@/lib/env/schema";

const config = parseConfig(process.env);
const database = await openDatabase(config.database);
try {
  const report = await verifyAuditChain(database.db);
  if (report.intact) {
    process.stdout.write(`${report.events} events, chain intact\n`);
  } else {
    const { id, occurredAt, why } = report.brokenAt;
    process.stdout.write(
      `Chain broken at event ${id} (${occurredAt}): ${why}. ${report.events} events before it are intact.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
