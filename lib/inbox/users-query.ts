import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ApiError } from "./api-error";
import { serializeUsersQuery, type UsersQuery } from "./query-state";
import type { UsersPage } from "./users-page";

export function usersQueryKey(query: UsersQuery) {
  return ["users", query] as const;
}

export async function fetchUsersPage(query: UsersQuery, signal: AbortSignal): Promise<UsersPage> {
  const response = await fetch(`/api/users${serializeUsersQuery(query)}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as UsersPage;
}

/** The browser's query for one inbox view; the server page prefetches under the same key. */
export function usersQueryOptions(query: UsersQuery) {
  return queryOptions({
    queryKey: usersQueryKey(query),
    queryFn: ({ signal }) => fetchUsersPage(query, signal),
    // Keep the current rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
