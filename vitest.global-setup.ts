import type { TestProject } from "vitest/node";
import { findPostgresBin, startPostgresCluster } from "./lib/testing/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** A throwaway cluster's superuser URL, or why there is none (the PostgreSQL tests skip). */
    postgres: { url: string } | { missing: string };
  }
}

/** One throwaway PostgreSQL cluster for the whole unit-test run, where the machine has one. */
export default async function setup(project: TestProject) {
  const bin = findPostgresBin();
  if ("missing" in bin) {
    console.warn(`Skipping the PostgreSQL unit tests: ${bin.missing}.`);
    project.provide("postgres", bin);
    return;
  }
  const cluster = await startPostgresCluster(bin.dir);
  project.provide("postgres", { url: cluster.url });
  return () => cluster.stop();
}
