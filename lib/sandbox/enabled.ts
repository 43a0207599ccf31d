import { isSandboxKey } from "@/lib/env/schema";

/**
 * The sandbox stands in for Didit only while no real key is configured, so a deployment that
 * talks to Didit never also exposes fake users. Uses the configuration's own definition of
 * sandbox mode on the raw environment: this self-contained upstream must not depend on the
 * server-only configuration module.
 */
export function isSandboxEnabled(): boolean {
  return isSandboxKey(process.env.DIDIT_API_KEY);
}
