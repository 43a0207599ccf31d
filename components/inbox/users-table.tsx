"use client";

import { type Row, useTable } from "@tanstack/react-table";
import { memo, useMemo } from "react";
import { usePreference } from "@/components/preferences/use-preference";
import type { InboxUser } from "@/lib/didit/types";
import { COLUMN_WIDTHS, type ColumnId, normaliseOrder, PINNED_COLUMN } from "@/lib/inbox/columns";
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
}

type UserRowModel = Row<typeof userTableFeatures, InboxUser>;

/** The name column stays in view while the table scrolls sideways (phones, narrow windows). */
const PINNED_CELL =
  "sticky left-0 z-[1] bg-white shadow-[1px_0_0_var(--color-zinc-200)] dark:bg-zinc-900 dark:shadow-[1px_0_0_var(--color-zinc-800)]";

interface UserRowProps {
  row: UserRowModel;
  /** The keyboard's row: marked selected. */
  active: boolean;
  /** Takes Tab focus (the active row, else the first). */
  tabbable: boolean;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
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
      onClick={() => onOpen(id)}
      className="cursor-pointer border-b border-zinc-100 align-top outline-none last:border-0 hover:bg-zinc-50 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-selected:bg-blue-50/60 dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:focus-visible:bg-blue-950/60 dark:aria-selected:bg-blue-950/40"
    >
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

export function UsersTable({ users, stale, activeId, onActivate, onOpen }: UsersTableProps) {
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
  const width = visible.reduce((sum, id) => sum + COLUMN_WIDTHS[id], 0);
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
          {visible.map((id) => (
            <col key={id} style={{ width: COLUMN_WIDTHS[id] }} />
          ))}
        </colgroup>
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="border-b border-zinc-200 px-3 py-2 font-semibold whitespace-nowrap dark:border-zinc-800"
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
              compact={density === "compact"}
              FlexRender={table.FlexRender}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
