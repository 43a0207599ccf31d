import { SANDBOX_API_KEY } from "./constants";
import { isSandboxEnabled } from "./enabled";
import { handleSandboxRequest, serveSandboxRequest } from "./handler";
import { detailResponse, NOT_FOUND } from "./json-response";
import { sendStatusWebhook } from "./webhook-sender";

/**
 * What the Next routes under `app/sandbox/` run for every method: the sandbox while no Didit key
 * is configured, and a plain 404 (as if the route did not exist) once one is. Synchronous, for
 * the routes whose requests carry no body the sandbox reads (the list and the detail).
 */
export function serveSandboxRoute(request: Request): Response {
  if (!isSandboxEnabled()) return detailResponse(404, NOT_FOUND);
  return handleSandboxRequest(request, { apiKey: SANDBOX_API_KEY });
}

/**
 * The same for routes that take a body (`update-status`): it is read before the handler runs. A
 * status that really changed is told to the inbox by a signed webhook, as Didit would.
 */
export async function serveSandboxBodyRoute(request: Request): Promise<Response> {
  if (!isSandboxEnabled()) return detailResponse(404, NOT_FOUND);
  return serveSandboxRequest(request, {
    apiKey: SANDBOX_API_KEY,
    onStatusChanged: sendStatusWebhook,
  });
}
