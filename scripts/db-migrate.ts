// `npm run db:migrate`: applies the committed migrations to the configured store (the server
// also does this at start-up, before it serves anyone).
import { openDatabase } from "@/lib/db/client";
import { parseConfig } from "@/lib/env/schema";

const config = parseConfig(process.env);
const database = await openDatabase(config.database);
await database.close();
const where =
  config.database.kind === "postgres"
    ? "PostgreSQL"
    : `embedded store in ${config.database.dataDir}`;
process.stdout.write(`Schema up to date (${where}).\n`);
