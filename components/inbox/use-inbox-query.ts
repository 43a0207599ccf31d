"use client";

import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { inboxParsers, type UsersQuery } from "@/lib/inbox/query-state";

export type FilterPatch = Partial<Omit<UsersQuery, "limit" | "offset">>;

/**
 * The inbox view as it stands in the URL. Every change is a new history entry, so Back and
 * Forward walk through filters and pages; changing a filter goes back to the first page.
 */
export function useInboxQuery() {
  const [query, setQuery] = useQueryStates(inboxParsers, { history: "push" });

  const setFilters = useCallback(
    (patch: FilterPatch) => setQuery({ ...patch, offset: null }),
    [setQuery],
  );
  const setOffset = useCallback(
    (offset: number) => setQuery({ offset: offset > 0 ? offset : null }),
    [setQuery],
  );
  const setLimit = useCallback((limit: number) => setQuery({ limit, offset: null }), [setQuery]);
  const clearFilters = useCallback(
    () =>
      setQuery({
        status: null,
        search: null,
        country: null,
        created_after: null,
        created_before: null,
        last_activity_after: null,
        last_activity_before: null,
        offset: null,
      }),
    [setQuery],
  );

  return { query: query satisfies UsersQuery, setFilters, setOffset, setLimit, clearFilters };
}
