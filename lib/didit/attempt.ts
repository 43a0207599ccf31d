import "server-only";
import { Agent, request as undiciRequest } from "undici";
import { toHeaders } from "@/lib/http/node-headers";
import { processSingleton } from "@/lib/runtime/process-singleton";

/**
 * One request to Didit (a GET, or a write with a JSON body), reduced to what happened. Never throws for an upstream failure (only when the
 * caller itself gave up), so the retry loop can decide what a failure means.
 *
 * The body is always read to its end, whatever the status: an unread body keeps its connection
 * busy, and a new one is then opened for the next request instead of reusing it.
 *
 * undici's `request` on a keep-alive pool, not `fetch`: Next.js wraps the global fetch for its
 * data cache, and that wrapper plus WHATWG streams cost more CPU than the proxy's own work. It
 * never follows redirects (a redirect could take the key to another host).
 */

export type AttemptResult =
  | { kind: "response"; status: number; headers: Headers; text: string }
  /**
   * `transient`: the connection was refused, reset or cut, which is usually over soon.
   * `refused`: no connection was made at all, so Didit cannot have seen the request.
   */
  | { kind: "network"; transient: boolean; cutOff: boolean; refused: boolean }
  | { kind: "timeout" };

// Connection refused or dropped mid-way (undici reports a reset socket as UND_ERR_SOCKET). A DNS
// or TLS failure will not fix itself in a few hundred milliseconds.
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "UND_ERR_SOCKET",
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

export interface AttemptRequest {
  url: URL;
  /** GET unless said otherwise. */
  method?: "GET" | "PATCH";
  /** A JSON body, for writes. */
  json?: unknown;
  apiKey: string;
  timeoutMs: number;
  /** The caller's own signal (the browser went away): aborting it rethrows. */
  signal?: AbortSignal;
}

/** One connection pool per process (shared by every route bundle), kept alive between calls. */
const pool = () =>
  processSingleton("upstream-pool", () => new Agent({ keepAliveTimeout: 30_000, connections: 32 }));

export async function sendAttempt(request: AttemptRequest): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(Math.max(1, Math.floor(request.timeoutMs)));
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Awaited<ReturnType<typeof undiciRequest>>;
  try {
    const write = request.json !== undefined;
    response = await undiciRequest(request.url, {
      method: request.method ?? "GET",
      headers: {
        "x-api-key": request.apiKey,
        accept: "application/json",
        ...(write && { "content-type": "application/json" }),
      },
      ...(write && { body: JSON.stringify(request.json) }),
      dispatcher: pool(),
      signal,
    });
  } catch (error) {
    return failure(error, request.signal, timeout, false);
  }
  try {
    // Read under the same signal: a body that trickles in counts against the attempt's time.
    const text = await response.body.text();
    return {
      kind: "response",
      status: response.statusCode,
      headers: toHeaders(response.headers),
      text,
    };
  } catch (error) {
    return failure(error, request.signal, timeout, true);
  }
}

function failure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timeout: AbortSignal,
  cutOff: boolean,
): AttemptResult {
  if (callerSignal?.aborted) throw error;
  if (timeout.aborted) return { kind: "timeout" };
  const codes = errorCodes(error);
  return {
    kind: "network",
    transient: codes.some((code) => TRANSIENT_CODES.has(code)),
    cutOff,
    refused: !cutOff && codes.includes("ECONNREFUSED"),
  };
}
