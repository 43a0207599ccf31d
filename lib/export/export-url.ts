import { FILTER_KEYS, type UsersQuery } from "@/lib/inbox/query-state";

export const EXPORT_PATH = "/api/users/export";

/** The export of a view: its filters only, since the export covers every page. */
export function exportUrl(query: UsersQuery): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== null) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${EXPORT_PATH}?${search}` : EXPORT_PATH;
}
