import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { openDatabase } from "./client";

describeEachDatabase("migrations", (kind) => {
  it("create the schema on an empty database, and run again without change", async () => {
    const database = await kind.open();
    try {
      const tables = await database.db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public'`,
      );
      const rows = (tables as unknown as { rows: { table_name: string }[] }).rows;
      expect(rows.map((row) => row.table_name)).toContain("audit_events");
    } finally {
      await database.close();
    }
  });

  it("refuse a database that a newer build has migrated", async () => {
    const database = await kind.open();
    try {
      await database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', ${Date.now() + 10 * 365 * 86_400_000})`,
      );
      if (database.kind === "postgres") {
        const url = (database.pool as unknown as { options: { connectionString: string } }).options
          .connectionString;
        await expect(openDatabase({ kind: "postgres", url })).rejects.toThrow(
          /schema is newer than this build/,
        );
      }
    } finally {
      await database.close();
    }
  });
});
