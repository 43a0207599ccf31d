import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { toHeaders } from "../lib/http/node-headers";
import { serveSandboxRequest } from "../lib/sandbox/handler";
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

/** A write the fake received, as a test checks it: what Didit would have been told. */
export interface RecordedWrite {
  method: string;
  path: string;
  vendorData: string;
  apiKey: string | null;
  body: unknown;
}

/**
 * How the next writes for a user go wrong: an HTTP status to answer instead of making the change,
 * or `hang`: make the change, then never answer (a server that dies with a PATCH in flight).
 */
type WriteFault = { status: number } | "hang";

const UPDATE_STATUS = /^\/v3\/users\/([^/]+)\/update-status\/?$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

/**
 * Test controls, on the fake only (`/__e2e/…`): the writes received for a user, and faults to
 * inject into that user's next writes. Keyed by vendor_data, so parallel tests stay apart.
 */
function control(
  url: URL,
  body: string,
  res: ServerResponse,
  state: { writes: RecordedWrite[]; faults: Map<string, WriteFault> },
) {
  const vendorData = url.searchParams.get("vendorData") ?? "";
  if (url.pathname === "/__e2e/writes") {
    return json(
      res,
      200,
      state.writes.filter((write) => write.vendorData === vendorData),
    );
  }
  if (url.pathname === "/__e2e/write-fault") {
    const fault = JSON.parse(body || "{}") as { status?: number; hang?: boolean };
    if (fault.hang) state.faults.set(vendorData, "hang");
    else if (fault.status) state.faults.set(vendorData, { status: fault.status });
    else state.faults.delete(vendorData);
    return json(res, 200, { ok: true });
  }
  return json(res, 404, { detail: "Not found." });
}

export async function startFakeDidit(port: number) {
  const options = { apiKey: E2E_DIDIT_KEY };
  const serveSandbox = sandboxListener(options);
  const state = { writes: [] as RecordedWrite[], faults: new Map<string, WriteFault>() };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const write = UPDATE_STATUS.exec(url.pathname);
    if (url.pathname.startsWith("/__e2e/") || (write && req.method === "PATCH")) {
      void readBody(req).then(async (body) => {
        if (!write) return control(url, body, res, state);
        const vendorData = decodeURIComponent(write[1] ?? "");
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = body;
        }
        state.writes.push({
          method: "PATCH",
          path: url.pathname,
          vendorData,
          apiKey: (req.headers["x-api-key"] as string | undefined) ?? null,
          body: parsed,
        });
        const fault = state.faults.get(vendorData);
        if (fault && fault !== "hang") {
          return json(res, fault.status, { detail: `Injected failure (HTTP ${fault.status}).` });
        }
        const answer = await serveSandboxRequest(
          new Request(url, {
            method: "PATCH",
            headers: toHeaders(req.headers),
            body: body.length > 0 ? body : null,
          }),
          options,
        );
        // "hang": the change is made, and the answer never comes.
        if (fault === "hang") return;
        res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
      });
      return;
    }
    if (!fault(url.searchParams.get("search"), res)) void serveSandbox(req, res);
  });
  return (await listenOnLoopback(server, port)).close;
}
