import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./listen";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  /** The request body as text ("" for none). */
  body: string;
}

export type FakeHandler = (request: RecordedRequest, response: ServerResponse) => void;

/** A scriptable stand-in for Didit on 127.0.0.1, recording every request it receives. */
export async function startFakeUpstream(initial?: FakeHandler) {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler =
    initial ?? ((_, res) => res.writeHead(500, { "content-type": "text/plain" }).end("unscripted"));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", "http://127.0.0.1"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next: FakeHandler) {
      handler = next;
    },
    close,
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(JSON.stringify(body));
}
