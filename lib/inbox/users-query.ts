import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch, BUDGET_HEADER } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { UsersPage } from "@/lib/api/types";
import { serializeUsersQuery, type UsersQuery } from "./query-state";

/** What the last answer said of the team's Didit budget (null until one said). */
let budgetUsed: number | null = null;

export function fetchUsersPage(query: UsersQuery, signal: AbortSignal): Promise<UsersPage> {
  return apiFetch<UsersPage>(serializeUsersQuery("/api/users", query), {
    signal,
    onResponse: (response) => {
      const used = Number(response.headers.get(BUDGET_HEADER));
      if (response.headers.has(BUDGET_HEADER) && Number.isFinite(used)) budgetUsed = used;
    },
  });
}

/**
 * Whether work nobody asked for yet (the next page's prefetch) may spend Didit calls: only while
 * less than half of the budget went in the last minute, as the last answer said.
 */
export function budgetHasRoom(): boolean {
  return budgetUsed === null || budgetUsed < 0.5;
}

/** The browser's query for one inbox view; the server page prefetches under the same key. */
export function usersQueryOptions(query: UsersQuery) {
  return queryOptions({
    queryKey: queryKeys.users.page(query),
    queryFn: ({ signal }) => fetchUsersPage(query, signal),
    // Keep the current rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
