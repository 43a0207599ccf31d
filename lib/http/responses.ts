import "server-only";
import { UpstreamError } from "@/lib/didit/errors";
import type { ApiErrorBody } from "@/lib/inbox/users-page";
import { log } from "@/lib/log";

/** Everything the API answers carries personal data or errors about it: never cache it. */
const NO_STORE = { "cache-control": "no-store" } as const;

export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(NO_STORE)) headers.set(name, value);
  return Response.json(body, { status: init.status ?? 200, headers });
}

export function invalidQuery(fields: Record<string, string>) {
  const summary = Object.entries(fields)
    .map(([field, reason]) => `${field} ${reason}`)
    .join("; ");
  const body: ApiErrorBody = {
    error: { code: "invalid_query", message: `Invalid filter: ${summary}.`, fields },
  };
  return json(body, { status: 400 });
}

/** Turns any failure into a JSON error; unexpected ones are logged and answered without details. */
export function errorResponse(error: unknown) {
  if (error instanceof UpstreamError) {
    const headers: HeadersInit =
      error.details.retryAfter !== undefined
        ? { "retry-after": String(error.details.retryAfter) }
        : {};
    return json(error.toBody(), { status: error.status, headers });
  }
  log.error({ err: { name: (error as Error)?.name } }, "unexpected error");
  const body: ApiErrorBody = {
    error: { code: "internal", message: "Something went wrong in the inbox server." },
  };
  return json(body, { status: 500 });
}
