import "server-only";

/**
 * One GET to Didit, reduced to what happened. Never throws for an upstream failure (only when the
 * caller itself gave up), so the retry loop can decide what a failure means.
 *
 * The body is always read to its end, whatever the status: an unread body keeps its connection
 * busy, and Node's fetch then opens a new one for the next request instead of reusing it.
 */

export type AttemptResult =
  | { kind: "response"; status: number; headers: Headers; text: string }
  /** `transient`: the connection was refused, reset or cut, which is usually over soon. */
  | { kind: "network"; transient: boolean; cutOff: boolean }
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

function isTransient(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  }
  return false;
}

export interface AttemptRequest {
  url: URL;
  apiKey: string;
  timeoutMs: number;
  /** The caller's own signal (the browser went away): aborting it rethrows. */
  signal?: AbortSignal;
}

export async function attemptGet(request: AttemptRequest): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(Math.max(1, Math.floor(request.timeoutMs)));
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "GET",
      headers: { "x-api-key": request.apiKey, accept: "application/json" },
      cache: "no-store",
      // A redirect could lead the key to another host; it is answered as an error instead.
      redirect: "manual",
      signal,
    });
  } catch (error) {
    return failure(error, request.signal, timeout, false);
  }
  try {
    // Read under the same signal: a body that trickles in counts against the attempt's time.
    const text = await response.text();
    return { kind: "response", status: response.status, headers: response.headers, text };
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
  return { kind: "network", transient: isTransient(error), cutOff };
}
