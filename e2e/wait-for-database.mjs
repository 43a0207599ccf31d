// Waits until the PostgreSQL database at <url> accepts a query (at most two minutes), so an app
// that needs a database created by e2e/postgres-server.ts starts only once it exists.
import pg from "pg";

const url = process.argv[2];
const until = Date.now() + 120_000;
for (;;) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("select 1");
    await client.end();
    process.exit(0);
  } catch {
    await client.end().catch(() => undefined);
    if (Date.now() > until) process.exit(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
