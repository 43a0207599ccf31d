"use client";

import { buttonClasses, inputClasses, labelClasses } from "@/components/ui/field";
import { ACTIVITY_PAGE_SIZES } from "@/lib/activity/query-state";
import type { ActivityPage } from "@/lib/api/types";

const integer = new Intl.NumberFormat("en-US");

/** "1–50 of 123", or "0 of 123" for a page past the end. */
export function activityRangeLabel(page: Pick<ActivityPage, "offset" | "total" | "events">) {
  const total = integer.format(page.total);
  if (page.events.length === 0) return `0 of ${total}`;
  const first = integer.format(page.offset + 1);
  const last = integer.format(page.offset + page.events.length);
  return `${first}–${last} of ${total}`;
}

export interface ActivityPaginationProps {
  page: ActivityPage;
  onOffsetChange: (offset: number) => void;
  onLimitChange: (limit: number) => void;
}

export function ActivityPagination({
  page,
  onOffsetChange,
  onLimitChange,
}: ActivityPaginationProps) {
  // A bookmarked size the list does not offer (any 1–100 is valid) stays selected.
  const sizes: number[] = (ACTIVITY_PAGE_SIZES as readonly number[]).includes(page.limit)
    ? [...ACTIVITY_PAGE_SIZES]
    : [...ACTIVITY_PAGE_SIZES, page.limit].sort((a, b) => a - b);
  const hasNext = page.offset + page.events.length < page.total;

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 py-3">
      <p className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300" aria-live="polite">
        {activityRangeLabel(page)}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor="activity-limit" className={labelClasses}>
            Events per page
          </label>
          <select
            id="activity-limit"
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
            aria-label="Previous page"
            disabled={page.offset === 0}
            onClick={() => onOffsetChange(Math.max(0, page.offset - page.limit))}
          >
            ‹ Prev
          </button>
          <button
            type="button"
            className={buttonClasses}
            aria-label="Next page"
            disabled={!hasNext}
            onClick={() => onOffsetChange(page.offset + page.limit)}
          >
            Next ›
          </button>
        </div>
      </div>
    </nav>
  );
}
