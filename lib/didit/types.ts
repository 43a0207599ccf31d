/**
 * The app's own shape of a Didit user, as the schemas in schema.ts reshape upstream records into
 * it (docs/didit-api.md). Shared by the server and the browser; nothing here is Didit's spelling.
 */

export interface IssuingState {
  country: string;
  /** Documents seen from that country; null when Didit sent the list-of-codes shape. */
  count: number | null;
}

export interface Feature {
  feature: string;
  status: string;
}

export interface Tag {
  id: string;
  name: string;
  /** A valid CSS hex colour, or null when Didit sent something else. */
  color: string | null;
}

export interface InboxUser {
  id: string;
  vendorData: string | null;
  displayName: string | null;
  fullName: string | null;
  effectiveName: string | null;
  dateOfBirth: string | null;
  status: string;
  portraitUrl: string | null;
  sessions: { total: number; approved: number; declined: number; inReview: number };
  issuingStates: IssuingState[];
  approvedEmails: string[];
  approvedPhones: string[];
  features: Feature[];
  tags: Tag[];
  firstSessionAt: string | null;
  lastSessionAt: string | null;
  /** `last_activity_at` where Didit sends it, else `last_session_at` (docs/didit-api.md). */
  lastActivityAt: string | null;
  createdAt: string | null;
}

/** An analyst's note on a user, as far as Didit's undocumented shape could be read. */
export interface UserComment {
  author?: string;
  /** Empty for an entry that is only a status change without a reason. */
  text: string;
  created_at?: string | null;
  /** The entry's kind where Didit says (`STATUS_CHANGED` for a status change). */
  kind?: string;
  previousStatus?: string;
  newStatus?: string;
}

export interface UserDetailExtras {
  /** The application's own key/value data about the user, as Didit stores it. */
  metadata: Record<string, unknown>;
  comments: UserComment[];
  updatedAt: string | null;
}

/** `GET /v3/users/{vendor_data}/`: the list record plus metadata, comments and updatedAt. */
export interface InboxUserDetail extends InboxUser, UserDetailExtras {}
