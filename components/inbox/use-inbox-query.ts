"use client";

import { useSearchParams } from "next/navigation";
import { debounce, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import {
  inboxParsers,
  loadInboxQuery,
  NO_FILTERS,
  serializeUsersQuery,
  type UsersFilters,
  type UsersQuery,
  viewParsers,
} from "@/lib/inbox/query-state";

export type FilterPatch = Partial<UsersFilters>;

const parsers = { ...inboxParsers, ...viewParsers };

/** The URL (and so the request) follows the search box once the analyst pauses typing. */
export const SEARCH_DEBOUNCE_MS = 300;
const searchUpdates = { limitUrlUpdates: debounce(SEARCH_DEBOUNCE_MS) };

/**
 * The inbox view as it stands in the URL: filters, position and the open user. Every change is
 * a new history entry, so Back and Forward walk through filters, pages and opened users;
 * changing a filter goes back to the first page and closes the user.
 *
 * `query`, the view that is fetched, is read from the URL itself: nuqs updates its own state at
 * once but the URL only after the search box's debounce, and a request per keystroke is what
 * the debounce is there to avoid.
 */
export function useInboxQuery() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const searchParams = useSearchParams();
  // A stable object while the URL's filters and position are unchanged: it is a query key.
  const key = serializeUsersQuery(loadInboxQuery(searchParams));
  const query: UsersQuery = useMemo(() => loadInboxQuery(key), [key]);

  const setFilters = useCallback(
    (patch: FilterPatch) => setState({ ...patch, offset: null, user: null, queue: null }),
    [setState],
  );
  /** What the search box shows while the analyst types; the URL follows after a pause. */
  const setSearch = useCallback(
    (text: string) =>
      setState(
        { search: text === "" ? null : text, offset: null, user: null, queue: null },
        searchUpdates,
      ),
    [setState],
  );
  const setView = useCallback(
    (next: Partial<UsersQuery>) => setState({ ...next, user: null, queue: null }),
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
    () => setState({ ...NO_FILTERS, offset: null, user: null, queue: null }),
    [setState],
  );
  /** A queue ("My claims", "Awaiting approval") in place of the list; null goes back to it. */
  const setQueue = useCallback(
    (queue: "mine" | "approval" | null) => setState({ queue, user: null }),
    [setState],
  );
  /** Another page, with a user of it open (or focused): for `n`, next unclaimed. */
  const goTo = useCallback(
    (offset: number, user: string | null) => setState({ offset: offset > 0 ? offset : null, user }),
    [setState],
  );

  return {
    query,
    user: state.user,
    queue: state.queue,
    setQueue,
    goTo,
    searchText: state.search ?? "",
    setFilters,
    setSearch,
    setView,
    setOffset,
    setLimit,
    setUser,
    clearFilters,
  };
}
