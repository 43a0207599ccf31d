"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";
import type { UsersQuery } from "@/lib/inbox/query-state";

/** The view's date fields: `created_after`, `last_activity_before`… */
export type DateField = Extract<keyof UsersQuery, `${string}_after` | `${string}_before`>;

export interface DateRangeFilterProps<After extends DateField, Before extends DateField> {
  id: string;
  /** "Created" or "Last activity": the legend, and the start of each input's accessible name. */
  legend: string;
  /** The URL fields of the window's start and end, e.g. `["created_after", "created_before"]`. */
  fields: readonly [After, Before];
  query: Pick<UsersQuery, After | Before>;
  onChange: (patch: Partial<Pick<UsersQuery, After | Before>>) => void;
}

/** An ISO date or date-time from the URL shows as its UTC calendar day. */
const asDay = (value: string | null) => (value ? value.slice(0, 10) : "");
const fromInput = (value: string) => (value === "" ? null : value);

/**
 * A window of UTC calendar days: "after" includes its day from 00:00 UTC, "before" stops at its
 * day's 00:00 UTC. The same rule is applied by the proxy when it talks to Didit.
 */
export function DateRangeFilter<After extends DateField, Before extends DateField>({
  id,
  legend,
  fields: [afterKey, beforeKey],
  query,
  onChange,
}: DateRangeFilterProps<After, Before>) {
  const after = query[afterKey] as string | null;
  const before = query[beforeKey] as string | null;
  const set = (key: After | Before, value: string) =>
    onChange({ [key]: fromInput(value) } as Partial<Pick<UsersQuery, After | Before>>);
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className={labelClasses}>{legend} (UTC)</legend>
      <div className="flex items-center gap-1">
        <input
          id={`${id}-after`}
          type="date"
          aria-label={`${legend} after`}
          value={asDay(after)}
          max={asDay(before) || undefined}
          onChange={(event) => set(afterKey, event.target.value)}
          className={`${inputClasses} w-36`}
        />
        <span aria-hidden="true" className="text-zinc-500">
          –
        </span>
        <input
          id={`${id}-before`}
          type="date"
          aria-label={`${legend} before`}
          value={asDay(before)}
          min={asDay(after) || undefined}
          onChange={(event) => set(beforeKey, event.target.value)}
          className={`${inputClasses} w-36`}
        />
      </div>
    </fieldset>
  );
}
