import { API_ERROR_STATUS, type ApiErrorCode } from "@/lib/api/types";

/**
 * A failure talking to Didit, already translated into what the browser should be told.
 * The message is written for an analyst and never contains the key, the query or personal data.
 */
export class UpstreamError extends Error {
  override name = "UpstreamError";

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: {
      upstreamStatus?: number;
      retryAfter?: number;
      fields?: Record<string, string>;
      /** No attempt reached Didit (every connection was refused): nothing can have changed. */
      neverSent?: boolean;
    } = {},
  ) {
    super(message);
  }

  /** The status the app answers the browser with. */
  get status(): number {
    return API_ERROR_STATUS[this.code];
  }
}

const DEFAULT_RETRY_AFTER_S = 60;

/** "2 s", or "300 ms" for the short timeouts tests use. */
function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`;
}

/** One attempt ran out of time (DIDIT_TIMEOUT_MS). */
export function timeoutError(timeoutMs: number) {
  return new UpstreamError(
    "upstream_timeout",
    `Didit did not answer within ${duration(timeoutMs)}. Try again shortly.`,
  );
}

/** The whole request, retries included, ran out of time (DIDIT_DEADLINE_MS). */
export function deadlineError(deadlineMs: number) {
  return new UpstreamError(
    "upstream_timeout",
    `Didit did not answer within ${duration(deadlineMs)}, so the inbox stopped waiting. Try again shortly.`,
  );
}

export function networkError(cutOff: boolean, neverSent = false) {
  return new UpstreamError(
    "upstream_unavailable",
    cutOff ? "Didit's answer was cut off. Try again." : "Could not reach Didit. Try again shortly.",
    neverSent ? { neverSent } : {},
  );
}

export function notJsonError(upstreamStatus: number) {
  return new UpstreamError("upstream_invalid", "Didit answered with something other than JSON.", {
    upstreamStatus,
  });
}

/**
 * Answered here without asking Didit: this instance's own budget is spent, or Didit said 429 a
 * moment ago and its Retry-After has not passed.
 */
export function heldBackError(reason: "budget" | "cool-down" | "fair-share", retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const message =
    reason === "budget"
      ? `The inbox has sent Didit as many requests as it may this minute. Try again in ${seconds} s.`
      : reason === "fair-share"
        ? `You have used half of the team's Didit allowance this minute while colleagues are waiting. Try again in ${seconds} s.`
        : `Didit is limiting requests. Try again in ${seconds} s.`;
  return new UpstreamError("rate_limited", message, { retryAfter: seconds });
}

/** `Retry-After` is either delta-seconds or an HTTP date; answer whole seconds, at least 1. */
export function parseRetryAfter(header: string | null, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_S;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_S;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** DRF answers 400s as `{ "field": ["reason", ...] }`; keep the first reason of each field. */
function drfFieldErrors(body: unknown): Record<string, string> | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const fields: Record<string, string> = {};
  for (const [field, reasons] of Object.entries(body)) {
    const first = Array.isArray(reasons) ? reasons[0] : reasons;
    if (typeof first === "string") fields[field] = first.slice(0, 300);
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** Maps a non-2xx answer from Didit to what the browser is told. */
export function errorForStatus(
  status: number,
  body: unknown,
  retryAfter: string | null,
  resource: "list" | "user" | "status",
) {
  if (status === 401 || status === 403) {
    return new UpstreamError("upstream_auth", "Didit rejected the API key.", {
      upstreamStatus: status,
    });
  }
  if (status === 429) {
    const seconds = parseRetryAfter(retryAfter);
    return new UpstreamError(
      "rate_limited",
      `Didit is limiting requests. Try again in ${seconds} s.`,
      { upstreamStatus: status, retryAfter: seconds },
    );
  }
  if (status === 400) {
    const fields = drfFieldErrors(body);
    return new UpstreamError("upstream_rejected_query", "Didit did not accept these filters.", {
      upstreamStatus: status,
      ...(fields && { fields }),
    });
  }
  if (status === 404 && resource !== "list") {
    return new UpstreamError("not_found", "This user no longer exists in Didit.", {
      upstreamStatus: status,
    });
  }
  if (status === 404) {
    return new UpstreamError(
      "upstream_unavailable",
      "Didit has no users endpoint at the configured address. Check DIDIT_API_BASE_URL.",
      { upstreamStatus: status },
    );
  }
  if (status >= 300 && status < 400) {
    return new UpstreamError(
      "upstream_invalid",
      `Didit answered with a redirect (HTTP ${status}), which the inbox does not follow.`,
      { upstreamStatus: status },
    );
  }
  return new UpstreamError(
    "upstream_unavailable",
    `Didit is not answering properly (HTTP ${status}). Try again shortly.`,
    { upstreamStatus: status },
  );
}
