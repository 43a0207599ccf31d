"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";

export interface DateRangeFilterProps {
  id: string;
  /** "Created" or "Last activity": the legend, and the start of each input's accessible name. */
  legend: string;
  after: string | null;
  before: string | null;
  onChange: (range: { after?: string | null; before?: string | null }) => void;
}

/** An ISO date or date-time from the URL shows as its UTC calendar day. */
const asDay = (value: string | null) => (value ? value.slice(0, 10) : "");
const fromInput = (value: string) => (value === "" ? null : value);

/**
 * A window of UTC calendar days: "after" includes its day from 00:00 UTC, "before" stops at its
 * day's 00:00 UTC. The same rule is applied by the proxy when it talks to Didit.
 */
export function DateRangeFilter({ id, legend, after, before, onChange }: DateRangeFilterProps) {
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
          onChange={(event) => onChange({ after: fromInput(event.target.value) })}
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
          onChange={(event) => onChange({ before: fromInput(event.target.value) })}
          className={`${inputClasses} w-36`}
        />
      </div>
    </fieldset>
  );
}
