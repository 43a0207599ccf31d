import { SANDBOX_API_KEY } from "./constants";
import { isSandboxEnabled } from "./enabled";
import { handleSandboxRequest } from "./handler";
import { detailResponse, NOT_FOUND } from "./json-response";

/**
 * What the Next routes under `app/sandbox/` run for every method: the sandbox while no Didit key
 * is configured, and a plain 404 (as if the route did not exist) once one is.
 */
export function serveSandboxRoute(request: Request): Response {
  if (!isSandboxEnabled()) return detailResponse(404, NOT_FOUND);
  return handleSandboxRequest(request, { apiKey: SANDBOX_API_KEY });
}
