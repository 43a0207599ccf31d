import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { type ActivityQuery, serializeActivityQuery } from "@/lib/activity/query-state";
import { apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ActivityPage } from "@/lib/api/types";

/** The browser's query for one activity view; the server page prefetches under the same key. */
export function activityQueryOptions(query: ActivityQuery) {
  return queryOptions({
    queryKey: queryKeys.activity.page(query),
    queryFn: ({ signal }) =>
      apiFetch<ActivityPage>(serializeActivityQuery("/api/activity", query), { signal }),
    // Keep the current events on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}
