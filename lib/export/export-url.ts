import { serializeFilters, type UsersQuery } from "@/lib/inbox/query-state";

export const EXPORT_PATH = "/api/exports/users";

/** The export of a view: its filters only, since the export covers every page. */
export function exportUrl(query: UsersQuery): string {
  return serializeFilters(EXPORT_PATH, query);
}
