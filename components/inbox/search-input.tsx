"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";
import { MAX_SEARCH_LENGTH } from "@/lib/inbox/query-state";

export interface SearchInputProps {
  /** What the box shows: the URL state as typed, ahead of the debounced URL. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * Typing is instant; the URL (and the request) follows once the analyst pauses: the debounce is
 * nuqs' own (`setSearch` in use-inbox-query.ts), so Back, Forward and "Clear filters" move the
 * box with the URL and nothing here keeps a copy.
 */
export function SearchInput({ value, onChange }: SearchInputProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="inbox-search" className={labelClasses}>
        Search
      </label>
      <input
        id="inbox-search"
        type="search"
        value={value}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder="Name, vendor data, email, phone"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClasses} w-72`}
      />
    </div>
  );
}
