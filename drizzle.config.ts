import { defineConfig } from "drizzle-kit";

/** `npm run db:generate` writes a migration for every change to lib/db/schema.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
