import type { IncomingMessage, ServerResponse } from "node:http";
import { toHeaders } from "../http/node-headers";
import { MAX_BODY_BYTES, type SandboxHandlerOptions, serveSandboxRequest } from "./handler";

/**
 * The body as one buffer, keeping at most one byte past the limit: enough for the handler to see
 * it is too large (and answer 413) without buffering whatever a client sends.
 */
async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    if (size > MAX_BODY_BYTES) continue;
    chunks.push(buffer);
    size += buffer.byteLength;
  }
  // Copied into its own ArrayBuffer, the kind a Request body must be typed as.
  return new Uint8Array(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1));
}

/**
 * The sandbox as a node:http request listener, for servers outside Next.js: the e2e suite's fake
 * Didit, the benchmark's upstream and the export test's separate process.
 */
export function sandboxListener(options: SandboxHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const method = req.method ?? "GET";
    // A Request may not carry a body on GET or HEAD; the others pass theirs on.
    const body = method === "GET" || method === "HEAD" ? null : await readBody(req);
    const headers = toHeaders(req.headers);
    // The body may have been cut at the limit; the handler measures what it gets.
    headers.delete("content-length");
    const response = await serveSandboxRequest(
      new Request(url, { method, headers, body: body?.byteLength ? body : null }),
      options,
    );
    const text = await response.text();
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(text);
  };
}
