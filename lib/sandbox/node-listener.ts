import type { IncomingMessage, ServerResponse } from "node:http";
import { toHeaders } from "../http/node-headers";
import { handleSandboxRequest, type SandboxHandlerOptions } from "./handler";

/**
 * The sandbox as a node:http request listener, for servers outside Next.js: the e2e suite's fake
 * Didit, the benchmark's upstream and the export test's separate process.
 */
export function sandboxListener(options: SandboxHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const response = handleSandboxRequest(
      new Request(url, { method: req.method, headers: toHeaders(req.headers) }),
      options,
    );
    const body = await response.text();
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
  };
}
