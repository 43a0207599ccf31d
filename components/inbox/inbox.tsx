"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useCan } from "@/components/auth/analyst-context";
import { usePreference } from "@/components/preferences/use-preference";
import { workspaceQueryOptions } from "@/components/teamwork/teamwork-queries";
import { useClaimActions } from "@/components/teamwork/use-claim-actions";
import { useLiveEvents } from "@/components/teamwork/use-live-events";
import { WorkspaceProvider } from "@/components/teamwork/workspace-context";
import { queryKeys } from "@/lib/api/query-keys";
import type { InboxUser } from "@/lib/didit/types";
import { canDecide, leavesView, nextAfter } from "@/lib/inbox/decisions";
import { hasFilters, serializeUsersQuery, type UserStatus } from "@/lib/inbox/query-state";
import type { DecisionDraft } from "./decision/types";
import { useDecisions } from "./decision/use-decisions";
import { ExportButton } from "./export-button";
import { InboxFilters } from "./inbox-filters";
import { EmptyState, ErrorState, InboxSkeleton, PastTheEnd } from "./inbox-states";
import { InboxToolbar } from "./inbox-toolbar";
import { Pagination } from "./pagination";
import { QueueHeader } from "./queue-header";
import { useInboxQuery } from "./use-inbox-query";
import { type QueueView, useInboxRows } from "./use-inbox-rows";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useNextPagePrefetch } from "./use-next-page-prefetch";
import { useNextUnclaimed } from "./use-next-unclaimed";
import { useRowFocus } from "./use-row-focus";
import { useSelection } from "./use-selection";
import { USER_PANEL_ID, useUserPanel } from "./use-user-panel";
import { UsersTable } from "./users-table";

// Not needed for the first paint. The panel's code is fetched as soon as the analyst starts
// working the table (a row focused or hovered), so it is usually there before the first Enter.
const loadPanel = () => import("./user-detail/user-detail-panel");
const UserDetailPanel = dynamic(() => loadPanel().then((m) => m.UserDetailPanel), { ssr: false });
const ShortcutSheet = dynamic(() => import("./shortcut-sheet").then((m) => m.ShortcutSheet), {
  ssr: false,
});
// The reason dialog is fetched with the panel, so `a` typed right away finds it there.
const loadDecisionDialog = () => import("./decision/decision-dialog");
const DecisionDialog = dynamic(() => loadDecisionDialog().then((m) => m.DecisionDialog), {
  ssr: false,
});
// Only shown once a row is selected; fetched with the panel, when the table is first worked.
const loadBulkBar = () => import("./decision/bulk-bar");
const BulkBar = dynamic(() => loadBulkBar().then((m) => m.BulkBar), { ssr: false });
let panelRequested = false;
function preloadPanel() {
  if (panelRequested) return;
  panelRequested = true;
  void loadPanel();
  void loadDecisionDialog();
  void loadBulkBar();
}

const DECISION_ACTIONS = {
  "decide-active": "ACTIVE",
  "decide-flag": "FLAGGED",
  "decide-block": "BLOCKED",
} as const satisfies Record<string, UserStatus>;

export function Inbox() {
  const {
    query,
    user,
    queue,
    setQueue,
    goTo,
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
  // A viewer reads; deciding, selecting for a bulk change and exporting are a reviewer's.
  const mayDecide = useCan("reviewer");
  const [autoRefresh] = usePreference("autoRefresh");
  const users = useInboxRows(query, queue, autoRefresh);
  const page = users.data;
  const rows = useMemo(() => page?.results ?? [], [page]);
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  // Who is working which of these users: from the inbox's store, refreshed by live events.
  const live = useLiveEvents();
  const workspace = useQuery(workspaceQueryOptions(rowIds)).data;
  const workspaceRef = useRef(workspace);
  workspaceRef.current = workspace;
  const team = useClaimActions(workspaceRef);
  const filtered = hasFilters(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpRef = useRef(false);
  const showHelp = useCallback((open: boolean) => {
    helpRef.current = open;
    setHelpOpen(open);
  }, []);

  useNextPagePrefetch(query, queue === null ? page : undefined, users.isPlaceholderData);
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

  // A selection is the page's own: a new page, filter or page size starts empty.
  const viewKey = serializeUsersQuery(query);
  const selection = useSelection(rowIds, viewKey);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const rowIdsRef = useRef(rowIds);
  rowIdsRef.current = rowIds;

  const decisions = useDecisions({
    onSingleDone: (draft, decided) => {
      const gone = leavesView(query.status, draft.status);
      // The ids as they were when it was decided: the refreshed page no longer holds the user.
      const ids = rowIdsRef.current;
      const next = gone ? nextAfter(ids, decided.id) : null;
      const previous = gone ? (ids[ids.indexOf(decided.id) - 1] ?? null) : null;
      if (draft.origin === "panel") {
        if (panel.openRef.current !== decided.id) return;
        if (!gone) {
          // The button pressed may be gone (the user's choices changed): back to the panel.
          document.getElementById(USER_PANEL_ID)?.focus();
        } else if (next) {
          stepPanel(1);
        } else {
          closePanel();
          if (previous) rowFocus.focusRow(previous);
        }
      } else if (draft.origin === "row") {
        const target = gone ? (next ?? previous) : decided.id;
        if (target) rowFocus.focusRow(target);
      }
    },
    onBulkDone: (_draft, outcome) => {
      // Done rows are unselected; failed and unknown ones stay, to try again.
      const retry = outcome.entries.filter(
        (entry) => entry.outcome === "failed" || entry.outcome === "unknown",
      );
      selection.select(retry.map((entry) => entry.id));
    },
  });
  const openDecision = decisions.open;

  /** a / f / b, or a panel button: the open user's (or the focused row's) reason dialog. */
  const decide = useCallback(
    (status: UserStatus, origin: "panel" | "row"): boolean => {
      const id = origin === "panel" ? panel.openRef.current : activeRef.current;
      const target = rowsRef.current.find((row) => row.id === id);
      // Nothing to change (no user, no vendor data, already that status): the key does nothing.
      if (!target || target.vendorData === null || !canDecide(target.status, status)) return false;
      preloadPanel();
      openDecision({ users: [target], status, origin });
      return true;
    },
    [panel.openRef, activeRef, openDecision],
  );
  const decideFromPanel = useCallback((status: UserStatus) => decide(status, "panel"), [decide]);
  const decideBulk = useCallback(
    (status: UserStatus) => {
      const users: InboxUser[] = rowsRef.current.filter((row) =>
        selection.selectedRef.current.has(row.id),
      );
      if (users.length === 0) return;
      preloadPanel();
      openDecision({ users, status, origin: "bulk" });
    },
    [selection.selectedRef, openDecision],
  );
  const confirmDecision = useCallback(
    (reason: string) => {
      const draft: DecisionDraft | null = decisions.draftRef.current;
      return draft ? decisions.confirm(draft, reason) : Promise.resolve(null);
    },
    [decisions.draftRef, decisions.confirm],
  );

  const nextUnclaimed = useNextUnclaimed({
    query,
    paged: queue === null,
    hasNext: page?.hasNext ?? false,
    rowsRef,
    workspaceRef,
    activeRef,
    openRef: panel.openRef,
    goTo,
    focusRow: rowFocus.focusRow,
    openUser: (id) => setUser(id, "replace"),
    rowIds,
  });

  const decisionKey = (event: KeyboardEvent, status: UserStatus) => {
    if (event.repeat || !mayDecide) return false;
    return decide(status, panel.openRef.current !== null ? "panel" : "row");
  };

  useInboxShortcuts(
    () =>
      decisions.draftRef.current !== null
        ? "decision"
        : helpRef.current
          ? "sheet"
          : panel.openRef.current !== null
            ? "panel"
            : "table",
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
        // Esc while the dialog's code is still loading (once shown, it is the dialog's cancel).
        if (decisions.draftRef.current !== null) return decisions.close();
        if (panel.openRef.current !== null) return closePanel();
        activate(null);
        (document.activeElement as HTMLElement | null)?.blur();
      },
      // From the URL's page, not the rows on screen: while a page loads, the previous one is
      // still shown, and a key pressed then must count from the page asked for.
      "previous-page": () =>
        queue === null && query.offset > 0 && setOffset(Math.max(0, query.offset - query.limit)),
      "next-page": () =>
        queue === null &&
        (users.isPlaceholderData || page?.hasNext) &&
        setOffset(query.offset + query.limit),
      "toggle-help": () => showHelp(!helpRef.current),
      "decide-active": (event) => decisionKey(event, DECISION_ACTIONS["decide-active"]),
      "decide-flag": (event) => decisionKey(event, DECISION_ACTIONS["decide-flag"]),
      "decide-block": (event) => decisionKey(event, DECISION_ACTIONS["decide-block"]),
      claim: (event) => {
        if (event.repeat || !mayDecide) return false;
        const id = panel.openRef.current ?? activeRef.current;
        const target = rowsRef.current.find((row) => row.id === id);
        if (!target) return false;
        // Held by someone else: the panel asks whether to take it over.
        if (
          panel.openRef.current === null &&
          workspaceRef.current?.claims[target.id]?.mine === false
        ) {
          preloadPanel();
          openRow(target.id);
        }
        void team.claim(target);
      },
      "next-unclaimed": (event) => {
        if (event.repeat) return false;
        void nextUnclaimed.go();
      },
      "toggle-select": () => {
        const id = activeRef.current;
        if (!mayDecide || !id || !rowIdsRef.current.includes(id)) return false;
        selection.toggle(id);
      },
    },
  );
  const showBulkBar =
    selection.selected.size > 0 || decisions.bulkPending > 0 || decisions.bulkOutcome !== null;

  return (
    // Room under the pagination for the floating bulk bar, so it never covers the last controls.
    <WorkspaceProvider workspace={workspace}>
      <div className={`flex flex-col gap-3 sm:gap-4 ${showBulkBar ? "pb-40 sm:pb-24" : ""}`}>
        <InboxFilters
          query={query}
          setFilters={setFilters}
          searchText={searchText}
          setSearch={setSearch}
          clearFilters={clearFilters}
          // A queue's length is not a status count: in a queue the tabs count as usual.
          current={
            queue === null && page && !users.isPlaceholderData
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
          queue={queue}
          onOpenQueue={setQueue}
          live={live}
          exportButton={mayDecide && queue === null ? <ExportButton query={query} /> : null}
        />
        {queue !== null && (
          <QueueHeader
            queue={queue}
            page={users.isPlaceholderData ? undefined : (page as QueueView | undefined)}
            onBack={() => setQueue(null)}
          />
        )}

        {showBulkBar && mayDecide && (
          <BulkBar
            count={selection.selected.size}
            pending={decisions.bulkPending}
            outcome={decisions.bulkOutcome}
            onDecide={decideBulk}
            onClear={selection.clear}
            onDismiss={decisions.dismissBulkOutcome}
          />
        )}

        {users.isError && !users.isFetching ? (
          <ErrorState
            error={users.error}
            failedAt={users.errorUpdatedAt}
            onRetry={() => void users.refetch()}
          />
        ) : page === undefined ? (
          <InboxSkeleton />
        ) : page.count === 0 && !users.isPlaceholderData ? (
          queue === null && <EmptyState onClear={filtered ? clearFilters : null} />
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
                selected={selection.selected}
                onToggleSelect={selection.toggle}
                onTogglePage={selection.togglePage}
                selectable={mayDecide}
              />
            )}
            {queue === null && (
              <Pagination page={page} onOffsetChange={setOffset} onLimitChange={setLimit} />
            )}
          </>
        )}

        {user && page && !users.isPlaceholderData && (
          <UserDetailPanel
            id={USER_PANEL_ID}
            user={openUser}
            position={openIndex >= 0 ? { index: openIndex, total: rows.length } : null}
            onClose={closePanel}
            onStep={stepPanel}
            onDecide={mayDecide ? decideFromPanel : null}
            notice={decisions.notice}
            team={mayDecide ? team : null}
          />
        )}
        {/* Outcomes of decisions made with the panel closed (from a row, or after the last user). */}
        {!user && (
          <p
            role="status"
            className="pointer-events-none fixed inset-x-0 bottom-4 z-40 mx-auto w-fit max-w-[calc(100%-2rem)] rounded-md bg-zinc-900 px-3 py-2 text-sm text-white shadow-lg empty:hidden dark:bg-zinc-100 dark:text-zinc-900"
          >
            {decisions.notice?.text ?? nextUnclaimed.notice}
          </p>
        )}
        {decisions.draft && (
          <DecisionDialog
            // A new decision starts with an empty reason.
            key={decisions.draft.users.map((u) => u.id).join(",") + decisions.draft.status}
            draft={decisions.draft}
            onClose={decisions.close}
            onConfirm={confirmDecision}
          />
        )}
        {helpOpen && <ShortcutSheet onClose={() => showHelp(false)} />}
      </div>
    </WorkspaceProvider>
  );
}
