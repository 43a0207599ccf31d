import type { ApiErrorBody, ApiErrorCode } from "./users-page";

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
