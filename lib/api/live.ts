/**
 * What `GET /api/events` streams (Server-Sent Events): one event per change another analyst may
 * need to see, carrying only who did what to which user. Never a note's text, a reason or
 * personal data: a browser that hears of a change asks the API again, under its own role.
 */
export const LIVE_KINDS = ["decision", "claim", "note", "proposal", "didit"] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export interface LiveEventData {
  /** `didit_internal_id`s of the users it is about (empty when Didit named the user otherwise). */
  userIds: string[];
  /** What happened, e.g. `claimed`, `released`, `taken-over`, `added`, `approved`. */
  action: string;
  analyst: { id: string; name: string };
  /** For a decision: the status the users were given. */
  status?: string;
}

export interface LiveEvent {
  id: number;
  kind: LiveKind;
  at: string;
  data: LiveEventData;
}

/** SSE event names besides the default `message`. */
export const LIVE_READY = "ready";
export const LIVE_SESSION_ENDED = "session-ended";
