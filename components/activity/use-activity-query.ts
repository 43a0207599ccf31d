"use client";

import { useSearchParams } from "next/navigation";
import { debounce, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import {
  ACTIVITY_FILTER_KEYS,
  type ActivityQuery,
  activityParsers,
  loadActivityQuery,
  serializeActivityQuery,
} from "@/lib/activity/query-state";

export type ActivityFilters = Omit<ActivityQuery, "limit" | "offset">;
export type ActivityFilterPatch = Partial<ActivityFilters>;

/** The URL (and so the request) follows the user field once the analyst pauses typing. */
const USER_DEBOUNCE_MS = 300;
const typedUpdates = { limitUrlUpdates: debounce(USER_DEBOUNCE_MS) };

const NO_ACTIVITY_FILTERS = Object.fromEntries(
  ACTIVITY_FILTER_KEYS.map((key) => [key, null]),
) as Record<keyof ActivityFilters, null>;

export function hasActivityFilters(query: ActivityQuery): boolean {
  return ACTIVITY_FILTER_KEYS.some((key) => query[key] !== null);
}

/**
 * The activity view as it stands in the URL. Every change is a history entry, and changing a
 * filter goes back to the first page.
 *
 * `query`, the view that is fetched, is read from the URL itself rather than from nuqs' state:
 * nuqs updates its state at once but the URL only after the user field's debounce, and a request
 * per keystroke is what the debounce is there to avoid.
 */
export function useActivityQuery() {
  const [state, setState] = useQueryStates(activityParsers, { history: "push" });
  const searchParams = useSearchParams();
  // A stable object while the URL's view is unchanged: it is a query key.
  const key = serializeActivityQuery(loadActivityQuery(searchParams));
  const query: ActivityQuery = useMemo(() => loadActivityQuery(key), [key]);

  const setFilters = useCallback(
    (patch: ActivityFilterPatch) => setState({ ...patch, offset: null }),
    [setState],
  );
  /** While typing: the field shows every keystroke, the URL follows after a pause. */
  const typeUser = useCallback(
    (text: string) =>
      setState({ user: text.trim() === "" ? null : text, offset: null }, typedUpdates),
    [setState],
  );
  /** Enter or leaving the field: no need to wait for the pause. */
  const commitUser = useCallback(
    (text: string) => setState({ user: text.trim() === "" ? null : text.trim(), offset: null }),
    [setState],
  );
  const setOffset = useCallback(
    (offset: number) => setState({ offset: offset > 0 ? offset : null }),
    [setState],
  );
  const setLimit = useCallback((limit: number) => setState({ limit, offset: null }), [setState]);
  const clearFilters = useCallback(
    () => setState({ ...NO_ACTIVITY_FILTERS, offset: null }),
    [setState],
  );

  return {
    query,
    userText: state.user ?? "",
    setFilters,
    typeUser,
    commitUser,
    setOffset,
    setLimit,
    clearFilters,
  };
}
