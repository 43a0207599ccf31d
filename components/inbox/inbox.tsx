"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/field";
import { usePreference } from "@/components/preferences/use-preference";
import { hasFilters } from "@/lib/inbox/query-state";
import { usersQueryOptions } from "@/lib/inbox/users-query";
import { CountryInput } from "./country-input";
import { DateRangeFilter } from "./date-range-filter";
import { ExportButton } from "./export-button";
import { EmptyState, ErrorState, InboxSkeleton, PastTheEnd } from "./inbox-states";
import { InboxToolbar } from "./inbox-toolbar";
import { Pagination } from "./pagination";
import { SearchInput } from "./search-input";
import { StatusFilter } from "./status-filter";
import { useInboxQuery } from "./use-inbox-query";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { UsersTable } from "./users-table";

// Not needed for the first paint: loaded when a user or the shortcut sheet is first opened.
const UserDetailPanel = dynamic(
  () => import("./user-detail/user-detail-panel").then((m) => m.UserDetailPanel),
  { ssr: false },
);
const ShortcutSheet = dynamic(() => import("./shortcut-sheet").then((m) => m.ShortcutSheet), {
  ssr: false,
});

function focusRow(id: string | null | undefined) {
  if (!id) return;
  // After React has committed the new tab stop.
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`tr[data-user-id="${CSS.escape(id)}"]`)?.focus(),
  );
}

export function Inbox() {
  const { query, user, setFilters, setView, setOffset, setLimit, setUser, clearFilters } =
    useInboxQuery();
  const queryClient = useQueryClient();
  const [autoRefresh] = usePreference("autoRefresh");
  const users = useQuery({
    ...usersQueryOptions(query),
    refetchInterval: autoRefresh ? 60_000 : false,
  });
  const page = users.data;
  const rows = page?.results ?? [];
  const filtered = hasFilters(query);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // The next page is usually where the analyst goes; have it ready. Fetched once the browser is
  // idle, so parsing it never competes with painting the rows just received.
  useEffect(() => {
    if (!page?.hasNext || users.isPlaceholderData) return;
    const prefetch = () =>
      void queryClient.prefetchQuery(
        usersQueryOptions({ ...query, offset: query.offset + query.limit }),
      );
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(prefetch, 200);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(prefetch, { timeout: 1000 });
    return () => window.cancelIdleCallback(idle);
  }, [page, users.isPlaceholderData, query, queryClient]);

  const openIndex = user ? rows.findIndex((row) => row.id === user) : -1;
  const openUser = openIndex >= 0 ? (rows[openIndex] ?? null) : null;

  const openRow = useCallback(
    (id: string) => {
      setActiveId(id);
      void setUser(id);
    },
    [setUser],
  );
  const closePanel = useCallback(() => {
    const id = user;
    void setUser(null, "replace");
    focusRow(id);
  }, [user, setUser]);
  const stepPanel = useCallback(
    (delta: 1 | -1) => {
      const next = rows[openIndex + delta];
      if (!next) return;
      setActiveId(next.id);
      void setUser(next.id, "replace");
    },
    [rows, openIndex, setUser],
  );

  function moveFocus(delta: 1 | -1) {
    if (rows.length === 0) return;
    const index = rows.findIndex((row) => row.id === activeId);
    const next = rows[index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + delta))];
    if (next) {
      setActiveId(next.id);
      focusRow(next.id);
    }
  }

  useInboxShortcuts(!user && !helpOpen, {
    "next-row": () => moveFocus(1),
    "previous-row": () => moveFocus(-1),
    "open-row": () => activeId && openRow(activeId),
    "focus-search": () => document.getElementById("inbox-search")?.focus(),
    escape: () => {
      setActiveId(null);
      (document.activeElement as HTMLElement | null)?.blur();
    },
    "previous-page": () =>
      page && page.offset > 0 && setOffset(Math.max(0, page.offset - page.limit)),
    "next-page": () => page?.hasNext && setOffset(page.offset + page.limit),
    "toggle-help": () => setHelpOpen(true),
  });

  return (
    <div className="flex flex-col gap-4">
      <search aria-label="Filter users" className="flex flex-wrap items-end gap-3">
        <StatusFilter
          query={query}
          onChange={(status) => setFilters({ status })}
          current={
            page && !users.isPlaceholderData
              ? { count: page.count, atLeast: page.countIsLowerBound }
              : undefined
          }
        />
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

      <InboxToolbar
        query={query}
        updatedAt={users.dataUpdatedAt}
        refreshing={users.isRefetching}
        onRefresh={() => {
          void queryClient.invalidateQueries({ queryKey: ["users"] });
          void queryClient.invalidateQueries({ queryKey: ["status-count"] });
        }}
        onOpenView={setView}
        exportButton={<ExportButton query={query} />}
      />

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
            <UsersTable
              users={page.results}
              stale={users.isPlaceholderData}
              activeId={activeId}
              onActivate={setActiveId}
              onOpen={openRow}
            />
          )}
          <Pagination page={page} onOffsetChange={setOffset} onLimitChange={setLimit} />
        </>
      )}

      {user && page && !users.isPlaceholderData && (
        <UserDetailPanel
          user={openUser}
          position={openIndex >= 0 ? { index: openIndex, total: rows.length } : null}
          onClose={closePanel}
          onStep={stepPanel}
        />
      )}
      {helpOpen && <ShortcutSheet onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
