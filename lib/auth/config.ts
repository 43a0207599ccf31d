import "server-only";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/env/server";
import { processSingleton } from "@/lib/runtime/process-singleton";

/** How analysts sign in, as configured (lib/env/schema.ts). */
export const authConfig = config.auth;

/**
 * The key sessions are sealed with. In sandbox mode without INBOX_SESSION_SECRET a random one is
 * made once per process; sessions then do not survive a restart or span instances, which the
 * warning says.
 */
/**
 * The secrets a session cookie may be sealed with: the current one first (the only one used to
 * seal), then INBOX_SESSION_SECRET_PREVIOUS during a rotation.
 */
export function sessionSecrets(): string[] {
  return [sessionSecret(), ...(config.previousSessionSecret ? [config.previousSessionSecret] : [])];
}

export function sessionSecret(): string {
  if (config.sessionSecret) return config.sessionSecret;
  return processSingleton("generated-session-secret", () => {
    console.warn(
      "INBOX_SESSION_SECRET is not set: using a random secret for this process (sandbox mode). " +
        "Sessions end when the server restarts. Set INBOX_SESSION_SECRET to keep them.",
    );
    return randomBytes(32).toString("base64url");
  });
}
