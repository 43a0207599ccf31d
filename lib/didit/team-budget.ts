import "server-only";
import { createHash } from "node:crypto";
import { getDatabase } from "@/lib/db/database";
import { config } from "@/lib/env/server";
import { processSingleton, resetProcessSingleton } from "@/lib/runtime/process-singleton";
import { PostgresBudget } from "./postgres-budget";
import { type Budget, sharedRateBudget } from "./rate-budget";

/**
 * The budget this instance draws on for Didit: with PostgreSQL (`DATABASE_URL`), one shared by
 * every instance on the database, per API key, as Didit counts; with the embedded store (one
 * instance), this process's own.
 */
export function teamBudget(perMinute: number, kind: "read" | "write"): Budget {
  if (config.database.kind !== "postgres") return sharedRateBudget(perMinute, kind);
  const singleton = `postgres-${kind}-budget`;
  const create = () =>
    new PostgresBudget(async () => (await getDatabase()).db, budgetName(kind), perMinute);
  const budget = processSingleton(singleton, create);
  if (budget.perMinute === perMinute) return budget;
  resetProcessSingleton(singleton);
  return processSingleton(singleton, create);
}

/** Per key, never the key itself: a short digest names it in the database. */
function budgetName(kind: "read" | "write"): string {
  const key = createHash("sha256")
    .update(config.didit.apiKey ?? "sandbox")
    .digest("hex")
    .slice(0, 16);
  return `didit-${kind}-${key}`;
}
