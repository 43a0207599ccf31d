"use client";

import { buttonClasses, inputClasses, labelClasses } from "@/components/ui/field";
import type { UsersPage } from "@/lib/api/types";
import { lastPageOffset, previousPageOffset, rangeLabel } from "@/lib/inbox/paging";
import { PAGE_SIZES } from "@/lib/inbox/query-state";

export interface PaginationProps {
  page: UsersPage;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: number) => void;
}

export function Pagination({ page, onOffsetChange, onLimitChange }: PaginationProps) {
  const last = lastPageOffset(page);
  const sizes: number[] = PAGE_SIZES.includes(page.limit as (typeof PAGE_SIZES)[number])
    ? [...PAGE_SIZES]
    : [...PAGE_SIZES, page.limit].sort((a, b) => a - b);
  const atStart = page.offset === 0;

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 py-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
        {rangeLabel(page)}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor="inbox-limit" className={labelClasses}>
            Rows per page
          </label>
          <select
            id="inbox-limit"
            value={page.limit}
            onChange={(event) => onLimitChange(Number(event.target.value))}
            className={`${inputClasses} pr-7`}
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-1">
          <button
            type="button"
            className={buttonClasses}
            aria-label="First page"
            disabled={atStart}
            onClick={() => onOffsetChange(0)}
          >
            «
          </button>
          <button
            type="button"
            className={buttonClasses}
            aria-label="Previous page"
            disabled={atStart}
            onClick={() => onOffsetChange(previousPageOffset(page.offset, page.limit))}
          >
            ‹ Prev
          </button>
          <button
            type="button"
            className={buttonClasses}
            aria-label="Next page"
            disabled={!page.hasNext}
            onClick={() => onOffsetChange(page.offset + page.limit)}
          >
            Next ›
          </button>
          <button
            type="button"
            className={buttonClasses}
            aria-label="Last page"
            disabled={!page.hasNext || last === null}
            onClick={() => last !== null && onOffsetChange(last)}
          >
            »
          </button>
        </div>
      </div>
    </nav>
  );
}
