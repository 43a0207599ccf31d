"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { buttonClasses } from "@/components/ui/field";
import { hasFilters } from "@/lib/inbox/query-state";
import { usersQueryOptions } from "@/lib/inbox/users-query";
import { CountryInput } from "./country-input";
import { DateRangeFilter } from "./date-range-filter";
import { EmptyState, ErrorState, InboxSkeleton, PastTheEnd } from "./inbox-states";
import { Pagination } from "./pagination";
import { SearchInput } from "./search-input";
import { StatusFilter } from "./status-filter";
import { useInboxQuery } from "./use-inbox-query";
import { UsersTable } from "./users-table";

export function Inbox() {
  const { query, setFilters, setOffset, setLimit, clearFilters } = useInboxQuery();
  const queryClient = useQueryClient();
  const users = useQuery(usersQueryOptions(query));
  const page = users.data;
  const filtered = hasFilters(query);

  // The next page is usually where the analyst goes; have it ready.
  useEffect(() => {
    if (page?.hasNext && !users.isPlaceholderData) {
      void queryClient.prefetchQuery(
        usersQueryOptions({ ...query, offset: query.offset + query.limit }),
      );
    }
  }, [page, users.isPlaceholderData, query, queryClient]);

  return (
    <div className="flex flex-col gap-4">
      <search aria-label="Filter users" className="flex flex-wrap items-end gap-3">
        <StatusFilter value={query.status} onChange={(status) => setFilters({ status })} />
        <SearchInput value={query.search} onCommit={(search) => setFilters({ search })} />
        <CountryInput value={query.country} onCommit={(country) => setFilters({ country })} />
        <DateRangeFilter
          id="inbox-created"
          legend="Created"
          after={query.created_after}
          before={query.created_before}
          onChange={({ after, before }) =>
            setFilters({
              ...(after !== undefined && { created_after: after }),
              ...(before !== undefined && { created_before: before }),
            })
          }
        />
        <DateRangeFilter
          id="inbox-activity"
          legend="Last activity"
          after={query.last_activity_after}
          before={query.last_activity_before}
          onChange={({ after, before }) =>
            setFilters({
              ...(after !== undefined && { last_activity_after: after }),
              ...(before !== undefined && { last_activity_before: before }),
            })
          }
        />
        {filtered && (
          <button type="button" onClick={clearFilters} className={buttonClasses}>
            Clear filters
          </button>
        )}
      </search>

      {users.isError && !users.isFetching ? (
        <ErrorState
          error={users.error}
          failedAt={users.errorUpdatedAt}
          onRetry={() => void users.refetch()}
        />
      ) : page === undefined ? (
        <InboxSkeleton />
      ) : page.count === 0 && !users.isPlaceholderData ? (
        <EmptyState onClear={filtered ? clearFilters : null} />
      ) : (
        <>
          {page.results.length === 0 && !users.isPlaceholderData ? (
            <PastTheEnd onFirstPage={() => setOffset(0)} />
          ) : (
            <UsersTable users={page.results} stale={users.isPlaceholderData} />
          )}
          <Pagination page={page} onOffsetChange={setOffset} onLimitChange={setLimit} />
        </>
      )}
    </div>
  );
}
