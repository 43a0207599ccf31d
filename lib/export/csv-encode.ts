import { stringify } from "csv-stringify/sync";
import type { InboxUser } from "@/lib/didit/types";
import { CSV_COLUMNS, toCsvRow } from "./csv-row";

/**
 * RFC 4180 text for the export, one page at a time: CRLF after every record (the last included,
 * so pages concatenate), fields quoted when they hold a comma, a quote or a line break.
 *
 * `quote_record_delimiter` must be set: with an explicit `record_delimiter`, csv-stringify only
 * quotes fields holding that exact sequence, and a bare "\n" inside a name would split the record.
 */
const OPTIONS = {
  columns: [...CSV_COLUMNS],
  record_delimiter: "windows",
  quote_record_delimiter: true,
  eof: true,
} as const;

/** The byte-order mark (so Excel reads the file as UTF-8, accents included) and the header row. */
export function csvHead(): string {
  return stringify([], { ...OPTIONS, header: true, bom: true });
}

export function csvRecords(users: readonly InboxUser[]): string {
  return users.length === 0 ? "" : stringify(users.map(toCsvRow), { ...OPTIONS, header: false });
}
