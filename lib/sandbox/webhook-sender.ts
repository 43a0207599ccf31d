import "server-only";
import { selfHost } from "@/lib/didit/upstream";
import { config } from "@/lib/env/server";
import { log } from "@/lib/log";
import { webhookSecret } from "@/lib/webhooks/secret";
import { signBody } from "@/lib/webhooks/signature";
import type { SandboxStatusChange } from "./status-change";

/** This server's own webhook route, as the sandbox (in the same server) reaches it. */
function ownWebhookUrl(): string {
  const { hostname, port } = config.server;
  return `http://${selfHost(hostname)}:${port}/api/webhooks/didit`;
}

/**
 * As Didit does after a status change: a signed `user.status.updated` delivery, here to this
 * very server's webhook route, with only the fields Didit's docs name. Sent after the sandbox
 * has answered the PATCH; a failure is logged (without the user) and not retried.
 */
export function sendStatusWebhook(change: SandboxStatusChange): void {
  const secret = webhookSecret();
  if (secret === null) return;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = Buffer.from(
    JSON.stringify({
      webhook_type: "user.status.updated",
      vendor_data: change.vendorData,
      status: change.newStatus,
      previous_status: change.previousStatus,
      timestamp,
    }),
  );
  void fetch(ownWebhookUrl(), {
    method: "POST",
    cache: "no-store",
    headers: {
      "content-type": "application/json",
      "user-agent": "DiditWebhook/2.0 (inbox sandbox)",
      "x-signature": signBody(body, secret),
      "x-timestamp": String(timestamp),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  }).then(
    async (response) => {
      await response.arrayBuffer();
      if (!response.ok) log.warn({ status: response.status }, "sandbox webhook refused");
    },
    (error: unknown) =>
      log.warn({ err: { name: (error as Error)?.name } }, "sandbox webhook not delivered"),
  );
}
