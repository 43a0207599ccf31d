"use client";

import { buttonClasses } from "@/components/ui/field";
import { hasFilters, type UsersQuery } from "@/lib/inbox/query-state";
import { CountryInput } from "./country-input";
import { DateRangeFilter } from "./date-range-filter";
import { SearchInput } from "./search-input";
import { StatusFilter, type StatusFilterProps } from "./status-filter";
import type { FilterPatch } from "./use-inbox-query";

export const MORE_FILTERS_ID = "inbox-more-filters";

export interface InboxFiltersProps {
  query: UsersQuery;
  setFilters: (patch: FilterPatch) => void;
  /** The search box's text, ahead of the debounced URL. */
  searchText: string;
  setSearch: (text: string) => void;
  clearFilters: () => void;
  /** The shown page's own count, for the selected status tab. */
  current: StatusFilterProps["current"];
  /** Narrow screens only: whether the filters under the "Filters" button are shown. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The filters hidden behind "Filters" on a phone, counted the way they are shown. */
export function activeFilterCount(query: UsersQuery): number {
  return [
    query.search,
    query.country,
    query.created_after ?? query.created_before,
    query.last_activity_after ?? query.last_activity_before,
  ].filter((value) => value !== null).length;
}

/**
 * Status tabs, search, country and the two date windows. On a phone only the tabs stay in view
 * and the rest sits behind a "Filters (n)" button, so the first screen shows users, not fields.
 */
export function InboxFilters({
  query,
  setFilters,
  searchText,
  setSearch,
  clearFilters,
  current,
  open,
  onOpenChange,
}: InboxFiltersProps) {
  const count = activeFilterCount(query);
  return (
    <search
      aria-label="Filter users"
      className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end sm:gap-3"
    >
      <StatusFilter query={query} onChange={(status) => setFilters({ status })} current={current} />
      <button
        type="button"
        aria-expanded={open}
        aria-controls={MORE_FILTERS_ID}
        onClick={() => onOpenChange(!open)}
        className={`${buttonClasses} self-start sm:hidden`}
      >
        {count > 0 ? `Filters (${count})` : "Filters"}
      </button>
      <div
        id={MORE_FILTERS_ID}
        className={`${open ? "flex" : "hidden"} flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:flex sm:flex-row sm:flex-wrap sm:items-end sm:border-0 sm:bg-transparent sm:p-0 dark:border-zinc-800 dark:bg-zinc-900 sm:dark:bg-transparent`}
      >
        <SearchInput value={searchText} onChange={setSearch} />
        <CountryInput value={query.country} onCommit={(country) => setFilters({ country })} />
        <DateRangeFilter
          id="inbox-created"
          legend="Created"
          fields={["created_after", "created_before"]}
          query={query}
          onChange={setFilters}
        />
        <DateRangeFilter
          id="inbox-activity"
          legend="Last activity"
          fields={["last_activity_after", "last_activity_before"]}
          query={query}
          onChange={setFilters}
        />
        {hasFilters(query) && (
          <button
            type="button"
            onClick={clearFilters}
            className={`${buttonClasses} self-start sm:self-auto`}
          >
            Clear filters
          </button>
        )}
      </div>
    </search>
  );
}
