import type { InboxUser } from "@/lib/didit/schema";

/**
 * What `/api/users` answers and the page renders. Positions are the app's own (`limit`/`offset`);
 * Didit's absolute `next`/`previous` URLs are reduced to `hasNext`/`hasPrevious` and never leave
 * the server.
 */
export interface UsersPage {
  /** Users matching the filters, as Didit counts them. */
  count: number;
  /** Didit caps `count` on large result sets; then it is only a lower bound ("100+"). */
  countIsLowerBound: boolean;
  limit: number;
  offset: number;
  hasNext: boolean;
  hasPrevious: boolean;
  results: InboxUser[];
}

export type ApiErrorCode =
  | "invalid_query"
  | "upstream_rejected_query"
  | "upstream_auth"
  | "rate_limited"
  | "not_found"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "upstream_invalid"
  | "unauthenticated"
  | "forbidden_origin"
  | "invalid_body"
  | "invalid_credentials"
  | "too_many_attempts"
  | "internal";

/** Every error the app's API answers: `{ error: { code, message, fields?, retryAfter? } }`. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Per-parameter reasons, for 400s. */
    fields?: Record<string, string>;
    /** Seconds to wait, for 429s (also sent as the `Retry-After` header). */
    retryAfter?: number;
  };
}
