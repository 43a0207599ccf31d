import "server-only";
import { randomBytes } from "node:crypto";
import { config } from "@/lib/env/server";
import { processSingleton } from "@/lib/runtime/process-singleton";

/**
 * The secret webhook deliveries are signed with: DIDIT_WEBHOOK_SECRET, as Didit's console shows
 * it. In sandbox mode without one, a random secret made once per process, shared by the built-in
 * sandbox (which signs) and the webhook route (which checks). Null when there is none: every
 * delivery is then refused.
 */
export function webhookSecret(): string | null {
  if (config.webhookSecret) return config.webhookSecret;
  if (!config.sandbox) return null;
  return processSingleton("generated-webhook-secret", () => randomBytes(32).toString("base64url"));
}
