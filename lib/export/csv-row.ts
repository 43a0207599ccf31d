import type { InboxUser } from "@/lib/didit/types";
import { escapeFormula } from "./formula-escape";

/**
 * One user as one CSV row. The columns keep Didit's field names so a file reads like the API it
 * came from; lists are flattened into one cell with "; " between items. The portrait URL is left
 * out: it is a short-lived presigned link that must not be stored (docs/didit-api.md).
 */
export const CSV_COLUMNS = [
  "didit_internal_id",
  "vendor_data",
  "effective_name",
  "display_name",
  "full_name",
  "date_of_birth",
  "status",
  "features",
  "tags",
  "issuing_states",
  "approved_emails",
  "approved_phones",
  "session_count",
  "approved_count",
  "declined_count",
  "in_review_count",
  "first_session_at",
  "last_session_at",
  "last_activity_at",
  "created_at",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Text cells already escaped against formula injection; counts stay numbers. */
export type CsvRow = Record<CsvColumn, string | number>;

const LIST_SEPARATOR = "; ";

function text(value: string | null): string {
  return value === null ? "" : escapeFormula(value);
}

function list(values: readonly string[]): string {
  return escapeFormula(values.join(LIST_SEPARATOR));
}

export function toCsvRow(user: InboxUser): CsvRow {
  return {
    didit_internal_id: text(user.id),
    vendor_data: text(user.vendorData),
    effective_name: text(user.effectiveName),
    display_name: text(user.displayName),
    full_name: text(user.fullName),
    date_of_birth: text(user.dateOfBirth),
    status: text(user.status),
    features: list(user.features.map(({ feature, status }) => `${feature}: ${status}`)),
    tags: list(user.tags.map((tag) => tag.name)),
    // "ESP:2; FRA": the count where Didit sent one (the map shape), the bare code otherwise.
    issuing_states: list(
      user.issuingStates.map(({ country, count }) =>
        count === null ? country : `${country}:${count}`,
      ),
    ),
    approved_emails: list(user.approvedEmails),
    approved_phones: list(user.approvedPhones),
    session_count: user.sessions.total,
    approved_count: user.sessions.approved,
    declined_count: user.sessions.declined,
    in_review_count: user.sessions.inReview,
    first_session_at: text(user.firstSessionAt),
    last_session_at: text(user.lastSessionAt),
    // As the inbox shows it: last_activity_at where Didit sends it, else last_session_at.
    last_activity_at: text(user.lastActivityAt),
    created_at: text(user.createdAt),
  };
}
