// A throwaway PostgreSQL cluster for the end-to-end run, started by Playwright as a web server
// (playwright.config.ts): initdb into a fresh directory, serve on the given loopback port, and
// stop and remove it when Playwright stops this process. Further arguments name databases to
// create beside `postgres`, for apps that must not share a store with the others. Without PostgreSQL's server binaries it
// says so and exits, and the PostgreSQL journey is skipped (e2e/decisions-postgres.spec.ts).
import pg from "pg";
import { findPostgresBin, startPostgresCluster } from "../lib/testing/postgres-cluster";

const port = Number(process.argv[2]);
const bin = findPostgresBin();
if ("missing" in bin) {
  console.error(`No PostgreSQL for the end-to-end run: ${bin.missing}.`);
  process.exit(1);
}
const cluster = await startPostgresCluster(bin.dir, port);
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
for (const name of process.argv.slice(3)) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a database name: ${name}`);
  await admin.query(`create database ${name}`);
}
await admin.end();
process.stdout.write(`PostgreSQL ready on 127.0.0.1:${cluster.port}\n`);
const stop = () => {
  cluster.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => undefined, 60_000);
