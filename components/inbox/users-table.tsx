"use client";

import { type Row, useTable } from "@tanstack/react-table";
import { memo, useEffect, useMemo, useRef } from "react";
import { usePreference } from "@/components/preferences/use-preference";
import type { InboxUser } from "@/lib/didit/types";
import { COLUMN_WIDTHS, type ColumnId, normaliseOrder, PINNED_COLUMN } from "@/lib/inbox/columns";
import { pageSelectionState } from "@/lib/inbox/decisions";
import { useProgressiveCount } from "./use-progressive-count";
import { userColumns, userTableFeatures } from "./user-columns";

export interface UsersTableProps {
  users: InboxUser[];
  /** True while newer rows are on their way: the current ones stay, under a loading bar. */
  stale: boolean;
  /** The row the keyboard is on (roving focus), by user id. */
  activeId: string | null;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  /** The rows chosen for a bulk change, by user id. */
  selected: ReadonlySet<string>;
  /** A row's box: `range` for a shift-click. */
  onToggleSelect: (id: string, range: boolean) => void;
  /** The header's box: the whole page. */
  onTogglePage: () => void;
  /** False for a viewer: no boxes (the column keeps its place, so the layout does not move). */
  selectable: boolean;
}

type UserRowModel = Row<typeof userTableFeatures, InboxUser>;

/**
 * Pinned cells need an opaque background to hide what scrolls under them; on the keyboard's row
 * it is the row's translucent tint, mixed over the table's own colour.
 */
const PINNED_BG =
  "bg-white dark:bg-zinc-900 group-aria-selected:bg-[color-mix(in_oklab,var(--color-blue-50)_60%,white)] dark:group-aria-selected:bg-[color-mix(in_oklab,var(--color-blue-950)_40%,var(--color-zinc-900))]";

/** The selection boxes' column, first and pinned with the name. */
const SELECT_WIDTH = 40;
const SELECT_CELL = `sticky left-0 z-[1] w-10 p-0 ${PINNED_BG}`;

/** The name column stays in view while the table scrolls sideways (phones, narrow windows). */
const PINNED_CELL = `sticky left-10 z-[1] shadow-[1px_0_0_var(--color-zinc-200)] dark:shadow-[1px_0_0_var(--color-zinc-800)] ${PINNED_BG}`;

/** How a row's box is named: the name, else what identifies the user. */
function selectLabel(user: InboxUser): string {
  return `Select ${user.effectiveName ?? user.vendorData ?? user.id}`;
}

interface UserRowProps {
  row: UserRowModel;
  /** The keyboard's row: marked selected. */
  active: boolean;
  /** Takes Tab focus (the active row, else the first). */
  tabbable: boolean;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  /** Chosen for a bulk change (its own prop: flipping it re-renders this row only). */
  selected: boolean;
  onToggleSelect: (id: string, range: boolean) => void;
  selectable: boolean;
  compact: boolean;
  FlexRender: ReturnType<typeof useTable<typeof userTableFeatures, InboxUser>>["FlexRender"];
}

/** Memoised: moving the focus re-renders two rows, not the page. */
const UserRow = memo(function UserRow({
  row,
  active,
  tabbable,
  onActivate,
  onOpen,
  selected,
  onToggleSelect,
  selectable,
  compact,
  FlexRender,
}: UserRowProps) {
  const id = row.original.id;
  return (
    <tr
      data-user-row="true"
      data-user-id={id}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={active}
      onFocus={() => onActivate(id)}
      onClick={(event) => {
        // A click on the selection box (or the cell around it) selects; it never opens the user.
        if (event.target instanceof Element && event.target.closest("[data-select-cell]")) return;
        onOpen(id);
      }}
      className="group cursor-pointer border-b border-zinc-100 align-top outline-none last:border-0 hover:bg-zinc-50 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-selected:bg-blue-50/60 dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:focus-visible:bg-blue-950/60 dark:aria-selected:bg-blue-950/40"
    >
      <td className={SELECT_CELL} data-select-cell="true">
        {selectable && (
          <label className={`flex cursor-pointer justify-center ${compact ? "py-1" : "py-2.5"}`}>
            <input
              type="checkbox"
              // Out of the Tab order like the rows' other cells (the row itself is the roving stop);
              // from the keyboard, x selects the focused row.
              tabIndex={-1}
              aria-label={selectLabel(row.original)}
              checked={selected}
              // Handled on click, which carries the Shift key (a change event does not); the box
              // shows the selection state, so React's own toggling is not wanted.
              readOnly
              onClick={(event) => onToggleSelect(id, event.shiftKey)}
              className="size-4 cursor-pointer accent-blue-700"
            />
          </label>
        )}
      </td>
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={`px-3 ${compact ? "py-1" : "py-2.5"} ${cell.column.id === PINNED_COLUMN ? PINNED_CELL : ""}`}
        >
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});

/** "Select all on this page", indeterminate while only some rows are. */
function PageCheckbox({
  state,
  onToggle,
}: {
  state: "none" | "some" | "all";
  onToggle: () => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === "some";
  }, [state]);
  return (
    <label className="flex cursor-pointer justify-center py-2">
      <input
        ref={box}
        type="checkbox"
        aria-label="Select all on this page"
        checked={state === "all"}
        onChange={onToggle}
        className="size-4 cursor-pointer accent-blue-700"
      />
    </label>
  );
}

export function UsersTable({
  users,
  stale,
  activeId,
  onActivate,
  onOpen,
  selected,
  onToggleSelect,
  onTogglePage,
  selectable,
}: UsersTableProps) {
  const [hidden] = usePreference("hiddenColumns");
  const [storedOrder] = usePreference("columnOrder");
  const [density] = usePreference("density");
  const state = useMemo(
    () => ({
      columnVisibility: Object.fromEntries(
        hidden.filter((id) => id !== PINNED_COLUMN).map((id) => [id, false]),
      ),
      columnOrder: normaliseOrder(storedOrder),
    }),
    [hidden, storedOrder],
  );
  // Paging and filtering happen upstream; the table only lays out the page it is given.
  const table = useTable({
    features: userTableFeatures,
    columns: userColumns,
    data: users,
    getRowId: (user) => user.id,
    state,
  });
  const allRows = table.getRowModel().rows;
  const shown = useProgressiveCount(allRows.length, users);
  const rows = shown < allRows.length ? allRows.slice(0, shown) : allRows;
  const filling = shown < allRows.length;
  const visible = table.getVisibleLeafColumns().map((column) => column.id as ColumnId);
  const width = visible.reduce((sum, id) => sum + COLUMN_WIDTHS[id], SELECT_WIDTH);
  const pageIds = useMemo(() => users.map((user) => user.id), [users]);
  const pageState = pageSelectionState(pageIds, selected);
  // With no row chosen yet, the first one takes Tab focus, so the table is reachable by keyboard.
  const tabStop =
    activeId && allRows.some((row) => row.id === activeId) ? activeId : allRows[0]?.id;

  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {/* A loading bar rather than dimming 200 rows: restyling them all costs a long task. */}
      <div
        aria-hidden="true"
        className={`pointer-events-none sticky top-0 left-0 z-[3] h-0.5 w-full overflow-hidden ${stale ? "" : "invisible"}`}
      >
        <div className="h-full w-1/3 animate-[inbox-loading_1s_ease-in-out_infinite] bg-blue-600" />
      </div>
      <table
        // Busy while newer rows are coming, or while the rest of this page is still being added.
        aria-busy={stale || filling}
        aria-label="Users"
        style={{ width: `max(100%, ${width}px)` }}
        className="table-fixed border-collapse text-left text-sm"
      >
        <colgroup>
          <col style={{ width: SELECT_WIDTH }} />
          {visible.map((id) => (
            <col key={id} style={{ width: COLUMN_WIDTHS[id] }} />
          ))}
        </colgroup>
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th
                scope="col"
                className="sticky left-0 z-[1] w-10 border-b border-zinc-200 bg-zinc-50 p-0 dark:border-zinc-800 dark:bg-zinc-900"
              >
                {selectable && <PageCheckbox state={pageState} onToggle={onTogglePage} />}
              </th>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={`border-b border-zinc-200 px-3 py-2 font-semibold whitespace-nowrap dark:border-zinc-800 ${header.column.id === PINNED_COLUMN ? "sticky left-10 z-[1] bg-zinc-50 dark:bg-zinc-900" : ""}`}
                >
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <UserRow
              key={row.id}
              row={row}
              active={row.id === activeId}
              tabbable={row.id === tabStop}
              onActivate={onActivate}
              onOpen={onOpen}
              selected={selected.has(row.id)}
              onToggleSelect={onToggleSelect}
              selectable={selectable}
              compact={density === "compact"}
              FlexRender={table.FlexRender}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
