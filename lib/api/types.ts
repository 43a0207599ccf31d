import type { InboxUser } from "@/lib/didit/types";

/**
 * The inbox's own HTTP API, as both sides see it: what the route handlers answer and what the
 * browser reads. Positions are the app's own (`limit`/`offset`); Didit's absolute
 * `next`/`previous` URLs are reduced to `hasNext`/`hasPrevious` and never leave the server.
 */

/** `GET /api/users`: one page of a view. */
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

/** Every error code the API answers, with the HTTP status it always comes with. */
export const API_ERROR_STATUS = {
  invalid_query: 400,
  invalid_body: 400,
  invalid_path: 400,
  forwarded_refused: 400,
  upstream_rejected_query: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  /** A webhook whose signature or timestamp does not hold (or no secret to check it with). */
  invalid_signature: 401,
  forbidden_origin: 403,
  forbidden_role: 403,
  /** Four-eyes: the proposer cannot approve their own proposal. */
  own_proposal: 403,
  /** Only a note's author may change it. */
  not_author: 403,
  /** Someone else holds the user's claim; taking it over has to be asked for. */
  claimed: 409,
  /** The note's five minutes for changes are over. */
  edit_window_closed: 409,
  /** The proposal is no longer pending (approved, rejected or expired). */
  proposal_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_host: 421,
  not_found: 404,
  too_many_attempts: 429,
  rate_limited: 429,
  internal: 500,
  upstream_auth: 502,
  upstream_unavailable: 502,
  upstream_invalid: 502,
  upstream_timeout: 504,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Every error the app's API answers: `{ error: { code, message, fields?, retryAfter? } }`. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Per-field reasons, for 400s. */
    fields?: Record<string, string>;
    /** Seconds to wait, for 429s (also sent as the `Retry-After` header). */
    retryAfter?: number;
  };
}

/** One event of the audit trail, as /activity and a user's history show it. */
export interface ActivityEvent {
  id: number;
  occurredAt: string;
  analyst: {
    id: string;
    name: string;
    /** `oidc`, `passcode` or `none`. */
    authMode: string;
    /** How much the name is worth, when it is less than a verified identity. */
    note: string | null;
  };
  action: string;
  actionLabel: string;
  target: { internalId: string | null; vendorData: string | null };
  statusBefore: string | null;
  statusAfter: string | null;
  reason: string | null;
  outcome: string;
  outcomeCode: string | null;
  requestId: string | null;
  /** For an outcome: the intent it settles. */
  intentId: number | null;
  details: Record<string, unknown>;
}

/** `GET /api/activity`: one page of the trail, newest first. */
export interface ActivityPage {
  events: ActivityEvent[];
  total: number;
  limit: number;
  offset: number;
  analysts: { id: string; name: string }[];
}

/** `GET /api/activity/users/{id}`: one user's history on the trail, oldest first. */
export interface UserActivity {
  events: ActivityEvent[];
}

/** A signed-in session, as an admin sees it (`GET /api/admin/sessions`). Never the session id. */
export interface SessionSummary {
  /** A digest of the session id: what an admin names it by to end it. */
  handle: string;
  analystId: string;
  analystName: string;
  role: "viewer" | "reviewer" | "admin";
  authMode: "oidc" | "passcode";
  createdAt: string;
  lastSeenAt: string;
  /** The session this request came with. */
  current: boolean;
}

/** Someone working a user ("In review by <name>"), as `GET /api/workspace` tells it. */
export interface ClaimInfo {
  userId: string;
  vendorData: string | null;
  analyst: { id: string; name: string };
  claimedAt: string;
  expiresAt: string;
  /** Held by the analyst asking. */
  mine: boolean;
}

/** An internal note on a user. Plain text, always rendered as text. */
export interface NoteInfo {
  id: number;
  userId: string;
  analyst: { id: string; name: string };
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Until when the asking analyst may edit or delete it; null when they may not. */
  editableUntil: string | null;
}

/** A change awaiting a second reviewer (four-eyes). */
export interface ProposalInfo {
  id: number;
  userId: string;
  vendorData: string;
  statusBefore: string | null;
  statusAfter: string;
  reason: string;
  proposer: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  /** Proposed by the analyst asking, who therefore cannot approve it. */
  mine: boolean;
}

/** `GET /api/workspace?ids=…`: what the team is doing with the users on screen. */
export interface Workspace {
  claims: Record<string, ClaimInfo>;
  noteCounts: Record<string, number>;
  proposals: Record<string, ProposalInfo>;
}

/** `GET /api/notes?user=…`: a user's notes, oldest first. */
export interface UserNotes {
  notes: NoteInfo[];
}

/**
 * `GET /api/queues/{mine,approval}`: users the inbox's own store lists (the analyst's claims, the
 * proposals awaiting approval), each read again from Didit. `missing` are those Didit could not be
 * asked about or did not answer for, so the queue never hides one silently.
 */
export interface QueuePage {
  users: InboxUser[];
  missing: { userId: string; vendorData: string | null; message: string }[];
}
