import "server-only";
import { randomBytes } from "node:crypto";
import { env, isSandboxMode } from "@/lib/env/server";
import { parseAuthConfig } from "./config-schema";

export const authConfig = parseAuthConfig(process.env, {
  sandbox: isSandboxMode,
  hostname: env.HOSTNAME,
});

const GENERATED = Symbol.for("didit-inbox.generated-session-secret");
type WithSecret = typeof globalThis & { [GENERATED]?: string };

/**
 * The key sessions are sealed with. In sandbox mode without INBOX_SESSION_SECRET a random one is
 * made once per process (kept on globalThis so every route bundle shares it); sessions then do
 * not survive a restart or span instances, which the warning says.
 */
export function sessionSecret(): string {
  if (authConfig.sessionSecret) return authConfig.sessionSecret;
  const holder = globalThis as WithSecret;
  if (!holder[GENERATED]) {
    holder[GENERATED] = randomBytes(32).toString("base64url");
    console.warn(
      "INBOX_SESSION_SECRET is not set: using a random secret for this process (sandbox mode). " +
        "Sessions end when the server restarts. Set INBOX_SESSION_SECRET to keep them.",
    );
  }
  return holder[GENERATED];
}
