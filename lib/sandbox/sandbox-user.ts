export const SANDBOX_STATUSES = ["ACTIVE", "FLAGGED", "BLOCKED"] as const;

export type SandboxStatus = (typeof SANDBOX_STATUSES)[number];

export interface SandboxTag {
  uuid: string;
  name: string;
  color: string;
}

export interface SandboxFeatureEntry {
  feature: string;
  status: string;
}

/**
 * One row of `GET /v3/users/`, in Didit's wire shape (snake_case, key order of the doc sample).
 * The unions and optional fields are the drift docs/didit-api.md tells clients to tolerate.
 */
export interface SandboxUser {
  didit_internal_id: string;
  vendor_data: string | null;
  display_name: string | null;
  full_name: string | null;
  date_of_birth: string | null;
  effective_name: string;
  status: SandboxStatus;
  portrait_image_url: string | null;
  session_count: number;
  approved_count: number;
  declined_count: number;
  in_review_count: number;
  issuing_states: Record<string, number> | string[];
  approved_emails: Record<string, boolean> | string[];
  approved_phones: Record<string, boolean> | string[];
  features: Record<string, string>;
  features_list: SandboxFeatureEntry[];
  last_session_at: string | null;
  first_session_at: string | null;
  tags: SandboxTag[];
  created_at: string;
  /** Only on records shaped like Didit's newer API versions. */
  last_activity_at?: string | null;
  /** Documented nowhere: stands for any field a future API version might add. */
  risk_score?: number;
}

/** A note an analyst wrote in Didit's console (the seeded comments). */
export interface SandboxNoteComment {
  author: string;
  text: string;
  created_at: string;
}

/** What `PATCH /v3/users/{vendor_data}/update-status/` records when the status really changes. */
export interface SandboxStatusChangeComment {
  action: "STATUS_CHANGED";
  /** The request's reason; null when it gave none. */
  comment: string | null;
  previous_status: SandboxStatus;
  new_status: SandboxStatus;
  created_at: string;
}

export type SandboxComment = SandboxNoteComment | SandboxStatusChangeComment;

/** `GET /v3/users/{vendor_data}/` adds these to the list row. */
export interface SandboxUserDetail extends SandboxUser {
  metadata: Record<string, string>;
  comments: SandboxComment[];
  updated_at: string;
}
