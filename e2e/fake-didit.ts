import { createServer, type ServerResponse } from "node:http";
import { sandboxListener } from "../lib/sandbox/node-listener";
import { listenOnLoopback } from "../lib/testing/listen";
import { E2E_DIDIT_KEY, FAULT_SEARCH, RATE_LIMIT_RETRY_AFTER_S } from "./servers";

/** A Didit-compatible server for the live app: the sandbox's data behind a different key. */

function fault(search: string | null, res: ServerResponse): boolean {
  switch (search) {
    case FAULT_SEARCH.serverError:
      res.writeHead(500, { "content-type": "text/html" }).end("<html><h1>Server Error</h1></html>");
      return true;
    case FAULT_SEARCH.unauthorized:
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ detail: "Invalid or missing API key" }));
      return true;
    case FAULT_SEARCH.rateLimited:
      res
        .writeHead(429, {
          "content-type": "application/json",
          "retry-after": String(RATE_LIMIT_RETRY_AFTER_S),
        })
        .end(
          JSON.stringify({
            detail: `Request was throttled. Expected available in ${RATE_LIMIT_RETRY_AFTER_S} seconds.`,
          }),
        );
      return true;
    case FAULT_SEARCH.malformed:
      res.writeHead(200, { "content-type": "application/json" }).end('{"count": 1, "results": [');
      return true;
    case FAULT_SEARCH.forbidden:
      res
        .writeHead(403, { "content-type": "application/json" })
        .end(JSON.stringify({ detail: "You do not have permission to perform this action." }));
      return true;
    case FAULT_SEARCH.connectionReset:
      res.socket?.destroy();
      return true;
    case FAULT_SEARCH.unreadable:
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify({ count: 1, next: null, previous: null, results: [{ status: "ACTIVE" }] }),
        );
      return true;
    case FAULT_SEARCH.timeout:
      // Never answer: the app's timeout has to fire.
      return true;
    default:
      return false;
  }
}

export async function startFakeDidit(port: number) {
  const serveSandbox = sandboxListener({ apiKey: E2E_DIDIT_KEY });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!fault(url.searchParams.get("search"), res)) void serveSandbox(req, res);
  });
  return (await listenOnLoopback(server, port)).close;
}
