import "server-only";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import type { Config } from "@/lib/env/schema";
import { acquireDataDirLock } from "./lock";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

/** One drizzle API over either driver: queries are written once, against this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** PostgreSQL's pool (LISTEN/NOTIFY needs a connection of its own); null for PGlite. */
  pool: Pool | null;
  /** Checkpoints and closes the store, and releases its lock. Safe to call twice. */
  close(): Promise<void>;
}

export type DatabaseSettings = Config["database"] | { kind: "memory" };

/**
 * Opens the store and brings its schema up to date. PGlite keeps its files in
 * `${INBOX_DATA_DIR}/pglite`, guarded by a lock file so that a second server on the same
 * directory is refused instead of corrupting it; `memory` is an in-process PGlite for tests.
 */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.kind === "postgres") {
    const pool = new Pool({ connectionString: settings.url, max: 10 });
    // An idle client's error (the server restarted) must not crash the process.
    pool.on("error", () => undefined);
    try {
      await migrateDatabase({ kind: "postgres", pool });
    } catch (error) {
      await pool.end();
      throw error;
    }
    let closed = false;
    return {
      db: drizzlePg({ client: pool, schema }) as unknown as Db,
      kind: "postgres",
      pool,
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }

  const lock = settings.kind === "pglite" ? acquireDataDirLock(settings.dataDir) : null;
  let client: PGlite;
  try {
    client =
      settings.kind === "pglite"
        ? new PGlite(join(resolve(settings.dataDir), "pglite"))
        : new PGlite();
    await client.waitReady;
    await migrateDatabase({ kind: "pglite", client });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let closed = false;
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: "pglite",
    pool: null,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
