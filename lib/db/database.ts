import "server-only";
import { config } from "@/lib/env/server";
import {
  peekProcessSingleton,
  processSingleton,
  resetProcessSingleton,
} from "@/lib/runtime/process-singleton";
import { type Database, openDatabase } from "./client";

/**
 * The server's store, opened on first use (at start-up by instrumentation.ts, never during
 * `next build`) and shared by every route bundle. A failed open is forgotten, so the next call
 * tries again and says why again.
 */
export function getDatabase(): Promise<Database> {
  const opening = processSingleton("database", () => openDatabase(config.database));
  opening.catch(() => resetProcessSingleton("database"));
  return opening;
}

/** Closes the store if it was opened: PGlite checkpoints its write-ahead log and drops its lock. */
export async function closeDatabase(): Promise<void> {
  const opening = peekProcessSingleton<Promise<Database>>("database");
  if (!opening) return;
  resetProcessSingleton("database");
  const database = await opening.catch(() => null);
  await database?.close();
}
