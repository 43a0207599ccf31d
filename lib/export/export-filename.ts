import type { UsersQuery } from "@/lib/inbox/query-state";

/**
 * `didit-users-<view>-<YYYY-MM-DD>.csv`: the view names the filters so two exports of different
 * views do not overwrite each other in Downloads. ASCII only, so the plain `filename="…"` form of
 * Content-Disposition works in every browser without RFC 5987 encoding.
 *
 * The search term itself is left out of the name: it is often a person's name or email, and a
 * file name travels further (Downloads, mail attachments, shared drives) than the file's content
 * would suggest.
 */

const DATE_PARTS = [
  ["created_after", "created-from"],
  ["created_before", "created-to"],
  ["last_activity_after", "active-from"],
  ["last_activity_before", "active-to"],
] as const;

const MAX_VIEW_LENGTH = 100;

/** Lower-case ASCII letters and digits separated by single hyphens. */
export function asciiSlug(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function viewName(query: UsersQuery): string {
  const parts: string[] = [];
  if (query.status) parts.push(query.status);
  if (query.country) parts.push(query.country);
  if (query.search) parts.push("search");
  for (const [key, label] of DATE_PARTS) {
    const value = query[key];
    if (value) parts.push(`${label}-${value}`);
  }
  const slug = asciiSlug(parts.join("-")).slice(0, MAX_VIEW_LENGTH).replace(/-+$/, "");
  return slug || "all";
}

/** The export's date is the server's UTC day, like every other timestamp in the file. */
export function exportFilename(query: UsersQuery, now: Date): string {
  return `didit-users-${viewName(query)}-${now.toISOString().slice(0, 10)}.csv`;
}

export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** The file name of an `attachment; filename="…"` header, or null when it names none. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const match = /filename="([^"]+)"/i.exec(header) ?? /filename=([^;\s]+)/i.exec(header);
  return match?.[1] ?? null;
}
