import { queryOptions } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import type { UserStatus, UsersQuery } from "./query-state";
import { fetchUsersPage } from "./users-query";

export const STATUS_TABS: ReadonlyArray<{ status: UserStatus | null; label: string }> = [
  { status: null, label: "All" },
  { status: "FLAGGED", label: "Flagged" },
  { status: "BLOCKED", label: "Blocked" },
  { status: "ACTIVE", label: "Active" },
];

export interface StatusCount {
  count: number;
  /** Didit caps large counts: show "100+". */
  atLeast: boolean;
}

/**
 * The count for one status tab under the view's other filters: a `limit=1` request through the
 * proxy, kept for a minute so tab counts do not cost a request per interaction.
 */
export function statusCountQueryOptions(query: UsersQuery, status: UserStatus | null) {
  const countQuery: UsersQuery = { ...query, status, limit: 1, offset: 0 };
  return queryOptions({
    queryKey: queryKeys.users.count(countQuery),
    queryFn: async ({ signal }): Promise<StatusCount> => {
      const page = await fetchUsersPage(countQuery, signal);
      return { count: page.count, atLeast: page.countIsLowerBound };
    },
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
}

const grouped = new Intl.NumberFormat("en-US");

export function formatStatusCount(value: StatusCount): string {
  return `${grouped.format(value.count)}${value.atLeast ? "+" : ""}`;
}
