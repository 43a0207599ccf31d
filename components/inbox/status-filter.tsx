"use client";

import type { UserStatus } from "@/lib/inbox/query-state";

/** Flagged comes first after All: it is the analyst's inbox. */
const OPTIONS: ReadonlyArray<{ value: UserStatus | null; label: string }> = [
  { value: null, label: "All" },
  { value: "FLAGGED", label: "Flagged" },
  { value: "BLOCKED", label: "Blocked" },
  { value: "ACTIVE", label: "Active" },
];

export interface StatusFilterProps {
  value: UserStatus | null;
  onChange: (value: UserStatus | null) => void;
}

export function StatusFilter({ value, onChange }: StatusFilterProps) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="sr-only">Status</legend>
      <div
        role="radiogroup"
        aria-label="Status"
        className="inline-flex h-9 rounded-md border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800"
      >
        {OPTIONS.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={option.label}
              className={`relative flex items-center rounded px-3 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-blue-600 ${
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
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
