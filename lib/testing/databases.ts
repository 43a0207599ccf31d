import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { describe, inject } from "vitest";
import { type Database, openDatabase } from "@/lib/db/client";

/** A fresh, migrated database of each kind the machine can run. */
export interface DatabaseKind {
  name: "PGlite" | "PostgreSQL";
  /** Why this kind is skipped here, or null. */
  skip: string | null;
  open(): Promise<Database>;
}

/** A new, empty database in the test run's throwaway cluster. */
export async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export function databaseKinds(): DatabaseKind[] {
  const postgres = inject("postgres");
  return [
    { name: "PGlite", skip: null, open: () => openDatabase({ kind: "memory" }) },
    {
      name: "PostgreSQL",
      skip: "missing" in postgres ? postgres.missing : null,
      open: async () => {
        if ("missing" in postgres) throw new Error(postgres.missing);
        return openDatabase({ kind: "postgres", url: await createPostgresDatabase(postgres.url) });
      },
    },
  ];
}

/** Runs a suite once against PGlite and once against PostgreSQL (skipped, saying why, without). */
export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void) {
  for (const kind of databaseKinds()) {
    const label = kind.skip
      ? `${title} on ${kind.name} (skipped: ${kind.skip})`
      : `${title} on ${kind.name}`;
    (kind.skip ? describe.skip : describe)(label, () => suite(kind));
  }
}
