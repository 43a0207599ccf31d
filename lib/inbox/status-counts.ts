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

/**
 * The one tab whose count follows from the others, since Flagged + Blocked + Active = All:
 * on the All tab, Active (All − Flagged − Blocked); on a status tab, All (the sum). So a view asks
 * for two counts, not three.
 */
export function derivedTab(shown: UserStatus | null): UserStatus | null {
  return shown === null ? "ACTIVE" : null;
}

/**
 * The derived tab's count from the others (`counts` by tab status, `null` for All), or undefined
 * while one is missing. A sum of capped counts is still a true lower bound ("N+"); a difference
 * is not, so Active is `"fetch"`: it needs a request of its own when a count it depends on is
 * capped.
 */
export function deriveCount(
  tab: UserStatus | null,
  counts: ReadonlyMap<UserStatus | null, StatusCount | undefined>,
): StatusCount | "fetch" | undefined {
  const flagged = counts.get("FLAGGED");
  const blocked = counts.get("BLOCKED");
  if (tab === null) {
    const active = counts.get("ACTIVE");
    if (!flagged || !blocked || !active) return undefined;
    return {
      count: flagged.count + blocked.count + active.count,
      atLeast: flagged.atLeast || blocked.atLeast || active.atLeast,
    };
  }
  const all = counts.get(null);
  if (!all || !flagged || !blocked) return undefined;
  if (all.atLeast || flagged.atLeast || blocked.atLeast) return "fetch";
  const active = all.count - flagged.count - blocked.count;
  // Counts read at slightly different moments can disagree; never show a negative.
  return active >= 0 ? { count: active, atLeast: false } : "fetch";
}

const grouped = new Intl.NumberFormat("en-US");

export function formatStatusCount(value: StatusCount): string {
  return `${grouped.format(value.count)}${value.atLeast ? "+" : ""}`;
}
