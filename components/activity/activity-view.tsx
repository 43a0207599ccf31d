"use client";

import { useQuery } from "@tanstack/react-query";
import { LiveIndicator } from "@/components/teamwork/live-indicator";
import { useLiveEvents } from "@/components/teamwork/use-live-events";
import { useTheme } from "@/components/theme/use-theme";
import { ActivityFilters } from "./activity-filters";
import { ActivityPagination } from "./activity-pagination";
import { activityQueryOptions } from "./activity-query-options";
import {
  ActivityEmpty,
  ActivityError,
  ActivityPastTheEnd,
  ActivitySkeleton,
} from "./activity-states";
import { ActivityTable } from "./activity-table";
import { ExportLink } from "./export-link";
import { hasActivityFilters, useActivityQuery } from "./use-activity-query";

/** The audit trail: filters in the URL, one page of events, newest first, and its export. */
export function ActivityView() {
  const { query, userText, setFilters, typeUser, commitUser, setOffset, setLimit, clearFilters } =
    useActivityQuery();
  // As in the inbox: the chosen theme, and "system" keeps following the OS while the page is open.
  useTheme();
  // New events by anyone refresh the page as they are recorded.
  const live = useLiveEvents();
  const activity = useQuery(activityQueryOptions(query));
  const page = activity.data;
  const filtered = hasActivityFilters(query);
  const stale = activity.isPlaceholderData;

  return (
    <div className="flex flex-col gap-3 sm:gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <ActivityFilters
          query={query}
          analysts={page?.analysts ?? []}
          userText={userText}
          filtered={filtered}
          setFilters={setFilters}
          typeUser={typeUser}
          commitUser={commitUser}
          clearFilters={clearFilters}
        />
        <div className="flex shrink-0 items-center gap-3 self-start sm:self-auto">
          <LiveIndicator state={live} />
          <ExportLink query={query} />
        </div>
      </div>

      {activity.isError && !activity.isFetching ? (
        <ActivityError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : page === undefined ? (
        <ActivitySkeleton />
      ) : page.total === 0 && !stale ? (
        <ActivityEmpty onClear={filtered ? clearFilters : null} />
      ) : (
        <>
          {page.events.length === 0 && !stale ? (
            <ActivityPastTheEnd onFirstPage={() => setOffset(0)} />
          ) : (
            <ActivityTable events={page.events} stale={stale} />
          )}
          <ActivityPagination page={page} onOffsetChange={setOffset} onLimitChange={setLimit} />
        </>
      )}
    </div>
  );
}
