"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { usePreference } from "@/components/preferences/use-preference";
import { queryKeys } from "@/lib/api/query-keys";
import { hasFilters } from "@/lib/inbox/query-state";
import { usersQueryOptions } from "@/lib/inbox/users-query";
import { ExportButton } from "./export-button";
import { InboxFilters } from "./inbox-filters";
import { EmptyState, ErrorState, InboxSkeleton, PastTheEnd } from "./inbox-states";
import { InboxToolbar } from "./inbox-toolbar";
import { Pagination } from "./pagination";
import { useInboxQuery } from "./use-inbox-query";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useNextPagePrefetch } from "./use-next-page-prefetch";
import { useRowFocus } from "./use-row-focus";
import { USER_PANEL_ID, useUserPanel } from "./use-user-panel";
import { UsersTable } from "./users-table";

// Not needed for the first paint. The panel's code is fetched as soon as the analyst starts
// working the table (a row focused or hovered), so it is usually there before the first Enter.
const loadPanel = () => import("./user-detail/user-detail-panel");
const UserDetailPanel = dynamic(() => loadPanel().then((m) => m.UserDetailPanel), { ssr: false });
const ShortcutSheet = dynamic(() => import("./shortcut-sheet").then((m) => m.ShortcutSheet), {
  ssr: false,
});
let panelRequested = false;
function preloadPanel() {
  if (panelRequested) return;
  panelRequested = true;
  void loadPanel();
}

export function Inbox() {
  const {
    query,
    user,
    searchText,
    setFilters,
    setSearch,
    setView,
    setOffset,
    setLimit,
    setUser,
    clearFilters,
  } = useInboxQuery();
  const queryClient = useQueryClient();
  const [autoRefresh] = usePreference("autoRefresh");
  const users = useQuery({
    ...usersQueryOptions(query),
    refetchInterval: autoRefresh ? 60_000 : false,
  });
  const page = users.data;
  const rows = useMemo(() => page?.results ?? [], [page]);
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const filtered = hasFilters(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpRef = useRef(false);
  const showHelp = useCallback((open: boolean) => {
    helpRef.current = open;
    setHelpOpen(open);
  }, []);

  useNextPagePrefetch(query, page, users.isPlaceholderData);
  const rowFocus = useRowFocus(rowIds);
  const { activeId, activate, activeRef, moveFocus } = rowFocus;
  const panel = useUserPanel(rowIds, user, setUser, rowFocus);
  const { openRow, closePanel, stepPanel } = panel;

  const onRowFocus = useCallback(
    (id: string) => {
      preloadPanel();
      activate(id);
    },
    [activate],
  );
  // A pointer over the table is the other sign that a user is about to be opened.
  useEffect(() => {
    const onPointerOver = (event: PointerEvent) => {
      if (event.target instanceof Element && event.target.closest("tr[data-user-row]")) {
        preloadPanel();
        document.removeEventListener("pointerover", onPointerOver);
      }
    };
    document.addEventListener("pointerover", onPointerOver);
    return () => document.removeEventListener("pointerover", onPointerOver);
  }, []);

  const openIndex = user ? rows.findIndex((row) => row.id === user) : -1;
  const openUser = openIndex >= 0 ? (rows[openIndex] ?? null) : null;

  useInboxShortcuts(
    () => (helpRef.current ? "sheet" : panel.openRef.current !== null ? "panel" : "table"),
    {
      "next-row": () => (panel.openRef.current !== null ? stepPanel(1) : moveFocus(1)),
      "previous-row": () => (panel.openRef.current !== null ? stepPanel(-1) : moveFocus(-1)),
      "open-row": (event) => {
        const target = event.target instanceof HTMLElement ? event.target : null;
        const id = target?.dataset.userId ?? activeRef.current;
        if (!id) return false;
        preloadPanel();
        openRow(id);
      },
      "focus-search": () => {
        // On a phone the search field is folded away with the other filters.
        flushSync(() => setFiltersOpen(true));
        document.getElementById("inbox-search")?.focus();
      },
      escape: () => {
        if (panel.openRef.current !== null) return closePanel();
        activate(null);
        (document.activeElement as HTMLElement | null)?.blur();
      },
      "previous-page": () =>
        page && page.offset > 0 && setOffset(Math.max(0, page.offset - page.limit)),
      "next-page": () => page?.hasNext && setOffset(page.offset + page.limit),
      "toggle-help": () => showHelp(!helpRef.current),
    },
  );

  return (
    <div className="flex flex-col gap-3 sm:gap-4">
      <InboxFilters
        query={query}
        setFilters={setFilters}
        searchText={searchText}
        setSearch={setSearch}
        clearFilters={clearFilters}
        current={
          page && !users.isPlaceholderData
            ? { count: page.count, atLeast: page.countIsLowerBound }
            : undefined
        }
        open={filtersOpen}
        onOpenChange={setFiltersOpen}
      />

      <InboxToolbar
        query={query}
        updatedAt={users.dataUpdatedAt}
        refreshing={users.isRefetching}
        onRefresh={() => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
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
              onActivate={onRowFocus}
              onOpen={openRow}
            />
          )}
          <Pagination page={page} onOffsetChange={setOffset} onLimitChange={setLimit} />
        </>
      )}

      {user && page && !users.isPlaceholderData && (
        <UserDetailPanel
          id={USER_PANEL_ID}
          user={openUser}
          position={openIndex >= 0 ? { index: openIndex, total: rows.length } : null}
          onClose={closePanel}
          onStep={stepPanel}
        />
      )}
      {helpOpen && <ShortcutSheet onClose={() => showHelp(false)} />}
    </div>
  );
}
