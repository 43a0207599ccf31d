"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import type { UserStatus, UsersQuery } from "@/lib/inbox/query-state";
import {
  deriveCount,
  derivedTab,
  formatStatusCount,
  STATUS_TABS,
  type StatusCount,
  statusCountQueryOptions,
} from "@/lib/inbox/status-counts";

export interface StatusFilterProps {
  /** The view; each tab counts the users matching its other filters. */
  query: UsersQuery;
  onChange: (value: UserStatus | null) => void;
  /** The shown page's own count: the selected tab needs no request of its own. */
  current: StatusCount | undefined;
}

/**
 * "All · Flagged · Blocked · Active" with counts. Flagged comes first after All: it is the
 * analyst's inbox. Radios underneath, so the choice is one click and arrow keys move it.
 */
export function StatusFilter({ query, onChange, current }: StatusFilterProps) {
  const derived = derivedTab(query.status);
  const fetched = useQueries({
    queries: STATUS_TABS.map(({ status }) => ({
      ...statusCountQueryOptions(query, status),
      enabled: status !== query.status && status !== derived,
    })),
  });
  const known = new Map<UserStatus | null, StatusCount | undefined>(
    STATUS_TABS.map(({ status }, index) => [
      status,
      status === query.status ? current : fetched[index]?.data,
    ]),
  );
  const derivedCount = deriveCount(derived, known);
  // Only when the derivation cannot be trusted (a capped count) does that tab cost a request.
  const fallback = useQuery({
    ...statusCountQueryOptions(query, derived),
    enabled: derivedCount === "fetch",
  });
  const counts = STATUS_TABS.map(({ status }) =>
    status === derived
      ? derivedCount === "fetch"
        ? fallback.data
        : derivedCount
      : known.get(status),
  );
  return (
    <fieldset className="flex max-w-full min-w-0 flex-col gap-1">
      <legend className="sr-only">Status</legend>
      <div
        role="radiogroup"
        aria-label="Status"
        className="inline-flex h-9 max-w-full overflow-x-auto rounded-md border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800"
      >
        {STATUS_TABS.map((tab, index) => {
          const checked = tab.status === query.status;
          const count = counts[index];
          return (
            <label
              key={tab.label}
              className={`relative flex shrink-0 items-center gap-1.5 rounded px-3 text-sm font-medium whitespace-nowrap has-focus-visible:outline-2 has-focus-visible:outline-blue-600 ${
                checked
                  ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50"
                  : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-50"
              }`}
            >
              <input
                type="radio"
                name="status"
                // Covers the whole segment, so it is what a click or a test hits.
                className="absolute inset-0 cursor-pointer appearance-none rounded"
                checked={checked}
                onChange={() => onChange(tab.status)}
              />
              {tab.label}
              {count && <span className="sr-only">, {formatStatusCount(count)} users</span>}
              <span
                aria-hidden="true"
                data-testid={`count-${tab.label.toLowerCase()}`}
                className="min-w-6 rounded bg-zinc-200/80 px-1 text-center text-xs text-zinc-700 tabular-nums dark:bg-zinc-700 dark:text-zinc-200"
              >
                {count ? formatStatusCount(count) : "·"}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
