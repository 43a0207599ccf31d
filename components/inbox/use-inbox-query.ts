"use client";

import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { FILTER_KEYS, inboxParsers, type UsersQuery, viewParsers } from "@/lib/inbox/query-state";

export type FilterPatch = Partial<Omit<UsersQuery, "limit" | "offset">>;

const parsers = { ...inboxParsers, ...viewParsers };

/**
 * The inbox view as it stands in the URL: filters, position and the open user. Every change is
 * a new history entry, so Back and Forward walk through filters, pages and opened users;
 * changing a filter goes back to the first page and closes the user.
 */
export function useInboxQuery() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const {
    user,
    status,
    search,
    country,
    created_after,
    created_before,
    last_activity_after,
    last_activity_before,
    limit,
    offset,
  } = state;
  // A stable object for as long as the URL's filters and position are unchanged: it is a query key.
  const query: UsersQuery = useMemo(
    () => ({
      status,
      search,
      country,
      created_after,
      created_before,
      last_activity_after,
      last_activity_before,
      limit,
      offset,
    }),
    [
      status,
      search,
      country,
      created_after,
      created_before,
      last_activity_after,
      last_activity_before,
      limit,
      offset,
    ],
  );

  const setFilters = useCallback(
    (patch: FilterPatch) => setState({ ...patch, offset: null, user: null }),
    [setState],
  );
  const setView = useCallback(
    (next: Partial<UsersQuery>) => setState({ ...next, user: null }),
    [setState],
  );
  const setOffset = useCallback(
    (offset: number) => setState({ offset: offset > 0 ? offset : null, user: null }),
    [setState],
  );
  const setLimit = useCallback(
    (limit: number) => setState({ limit, offset: null, user: null }),
    [setState],
  );
  /** Opening a user is a history entry (Back closes it); stepping between users replaces it. */
  const setUser = useCallback(
    (id: string | null, mode: "push" | "replace" = "push") =>
      setState({ user: id }, { history: mode }),
    [setState],
  );
  const clearFilters = useCallback(
    () =>
      setState({
        ...Object.fromEntries(FILTER_KEYS.map((key) => [key, null])),
        offset: null,
        user: null,
      }),
    [setState],
  );

  return { query, user, setFilters, setView, setOffset, setLimit, setUser, clearFilters };
}
