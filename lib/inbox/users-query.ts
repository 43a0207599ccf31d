import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { UsersPage } from "@/lib/api/types";
import { serializeUsersQuery, type UsersQuery } from "./query-state";

export function fetchUsersPage(query: UsersQuery, signal: AbortSignal): Promise<UsersPage> {
  return apiFetch<UsersPage>(serializeUsersQuery("/api/users", query), { signal });
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
