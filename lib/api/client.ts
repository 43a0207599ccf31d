import { activityHeaders } from "./activity";
import type { ApiErrorBody, ApiErrorCode } from "./types";

/** An error answer of the app's own API, as the browser sees it. */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfter?: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  static async from(response: Response): Promise<ApiError> {
    let body: Partial<ApiErrorBody> | undefined;
    try {
      body = (await response.json()) as Partial<ApiErrorBody>;
    } catch {
      body = undefined;
    }
    const error = body?.error;
    const retryHeader = Number(response.headers.get("retry-after"));
    return new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? `The inbox server answered HTTP ${response.status}.`,
      error?.retryAfter ??
        (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
      error?.fields,
    );
  }
}

/**
 * On `/api/users` answers: the share of the instance's Didit read budget spent in the last
 * minute (0 to 1), so browsers hold back work nobody asked for when the team is busy.
 */
export const BUDGET_HEADER = "x-inbox-budget-used";

export interface ApiRequest {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Sees the answer's headers before its body is read (a successful answer only). */
  onResponse?: (response: Response) => void;
}

/**
 * The browser's one way to call the inbox's API: JSON in and out, and any error answer thrown as
 * an ApiError carrying the server's message.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...activityHeaders() };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method: request.method ?? "GET",
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
  });
  if (!response.ok) throw await ApiError.from(response);
  request.onResponse?.(response);
  return (await response.json()) as T;
}
