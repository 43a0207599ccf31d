import "server-only";
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from "@/lib/api/types";
import { UpstreamError } from "@/lib/didit/errors";
import { log } from "@/lib/log";

/** Everything the API answers carries personal data or errors about it: never cache it. */
const NO_STORE = { "cache-control": "no-store" } as const;

/** A successful JSON answer. Errors go through `apiError`, so their codes are checked. */
export function json<T>(body: T, init: { status?: number; headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(NO_STORE)) headers.set(name, value);
  return Response.json(body, { status: init.status ?? 200, headers });
}

export interface ApiErrorExtras {
  /** Per-field reasons, for 400s. */
  fields?: Record<string, string>;
  /** Seconds to wait, for 429s: also sent as `Retry-After`. */
  retryAfter?: number;
}

/** `{ error: { code, message, … } }` with the status that code always has. */
export function apiError(code: ApiErrorCode, message: string, extras: ApiErrorExtras = {}) {
  const body: ApiErrorBody = {
    error: {
      code,
      message,
      ...(extras.fields && { fields: extras.fields }),
      ...(extras.retryAfter !== undefined && { retryAfter: extras.retryAfter }),
    },
  };
  const headers: HeadersInit =
    extras.retryAfter !== undefined ? { "retry-after": String(extras.retryAfter) } : {};
  return json(body, { status: API_ERROR_STATUS[code], headers });
}

export function invalidQuery(fields: Record<string, string>) {
  const summary = Object.entries(fields)
    .map(([field, reason]) => `${field} ${reason}`)
    .join("; ");
  return apiError("invalid_query", `Invalid filter: ${summary}.`, { fields });
}

/** Turns any failure into a JSON error; unexpected ones are logged and answered without details. */
export function errorResponse(error: unknown) {
  if (error instanceof UpstreamError) {
    const { fields, retryAfter } = error.details;
    return apiError(error.code, error.message, { fields, retryAfter });
  }
  log.error({ err: { name: (error as Error)?.name } }, "unexpected error");
  return apiError("internal", "Something went wrong in the inbox server.");
}
