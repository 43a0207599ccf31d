"use client";

import { useTable } from "@tanstack/react-table";
import type { InboxUser } from "@/lib/didit/schema";
import { userColumns, userTableFeatures } from "./user-columns";

export interface UsersTableProps {
  users: InboxUser[];
  /** True while newer rows are on their way: the current ones stay, dimmed. */
  stale: boolean;
}

export function UsersTable({ users, stale }: UsersTableProps) {
  // Paging and filtering happen upstream; the table only lays out the page it is given.
  const table = useTable({
    features: userTableFeatures,
    columns: userColumns,
    data: users,
    getRowId: (user) => user.id,
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table
        aria-busy={stale}
        className={`w-full border-collapse text-left text-sm transition-opacity ${stale ? "opacity-60" : ""}`}
      >
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
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className="border-b border-zinc-100 align-top last:border-0 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
