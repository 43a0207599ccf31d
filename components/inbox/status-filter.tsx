"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
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
  const group = useRef<HTMLDivElement>(null);
  const onScreen = useTabsOnScreen(group);
  const fetched = useQueries({
    queries: STATUS_TABS.map(({ status }) => ({
      ...statusCountQueryOptions(query, status),
      // Each count is a Didit call: only for the tabs the analyst can see (a phone scrolls them),
      // and for what a tab in view is derived from.
      enabled:
        status !== query.status &&
        status !== derived &&
        (onScreen.has(tabKey(status)) || onScreen.has(tabKey(derived))),
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
    enabled: derivedCount === "fetch" && onScreen.has(tabKey(derived)),
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
        ref={group}
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
              data-status-tab={tabKey(tab.status)}
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

const tabKey = (status: UserStatus | null) => status ?? "ALL";

/**
 * Which tabs are in view inside the scrolling tab strip (all of them on a wide screen). Until the
 * browser has said, none: the counts wait the one frame that takes rather than fetch blind.
 */
function useTabsOnScreen(group: RefObject<HTMLDivElement | null>): ReadonlySet<string> {
  const [visible, setVisible] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    const root = group.current;
    if (!root) return;
    const labels = [...root.querySelectorAll<HTMLElement>("[data-status-tab]")];
    if (typeof IntersectionObserver === "undefined") {
      setVisible(new Set(labels.map((label) => label.dataset.statusTab ?? "")));
      return;
    }
    const shown = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.statusTab ?? "";
          if (entry.isIntersecting) shown.add(key);
          else shown.delete(key);
        }
        setVisible(new Set(shown));
      },
      { root, threshold: 0.5 },
    );
    for (const label of labels) observer.observe(label);
    return () => observer.disconnect();
  }, [group]);
  return visible;
}
