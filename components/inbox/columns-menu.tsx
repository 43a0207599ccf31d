"use client";

import { usePreference } from "@/components/preferences/use-preference";
import { buttonClasses } from "@/components/ui/field";
import { usePopover } from "@/components/ui/use-popover";
import { COLUMN_LABELS, moveColumn, normaliseOrder, PINNED_COLUMN } from "@/lib/inbox/columns";

const small =
  "rounded px-1.5 text-xs ring-1 ring-zinc-300 hover:bg-zinc-100 disabled:opacity-40 dark:ring-zinc-700 dark:hover:bg-zinc-800";

/** Show, hide and reorder columns; remembered in this browser and sent to the server. */
export function ColumnsMenu() {
  const popover = usePopover();
  const [hidden, setHidden] = usePreference("hiddenColumns");
  const [stored, setOrder] = usePreference("columnOrder");
  const order = normaliseOrder(stored);

  return (
    <div {...popover.rootProps} className="relative">
      <button {...popover.buttonProps} className={`${buttonClasses} w-full`}>
        Columns
      </button>
      <div
        {...popover.panelProps}
        role="dialog"
        aria-label="Columns"
        hidden={!popover.open}
        className="absolute right-0 z-30 mt-1 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <ul aria-label="Columns" className="space-y-1">
          {order.map((id, index) => (
            <li key={id} className="flex items-center justify-between gap-2 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4 accent-blue-700"
                  checked={!hidden.includes(id)}
                  disabled={id === PINNED_COLUMN}
                  onChange={(event) =>
                    setHidden(
                      event.target.checked ? hidden.filter((h) => h !== id) : [...hidden, id],
                    )
                  }
                />
                {COLUMN_LABELS[id]}
              </label>
              {id !== PINNED_COLUMN && (
                <span className="flex gap-1">
                  <button
                    type="button"
                    className={small}
                    aria-label={`Move ${COLUMN_LABELS[id]} left`}
                    disabled={index <= 1}
                    onClick={() => setOrder(moveColumn(order, id, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={small}
                    aria-label={`Move ${COLUMN_LABELS[id]} right`}
                    disabled={index === order.length - 1}
                    onClick={() => setOrder(moveColumn(order, id, 1))}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className={`${buttonClasses} mt-2 w-full`}
          onClick={() => {
            setHidden([]);
            setOrder([]);
          }}
        >
          Reset columns
        </button>
      </div>
    </div>
  );
}
