"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";

export interface DayWindowFilterProps {
  from: string | null;
  to: string | null;
  onChange: (patch: { from?: string | null; to?: string | null }) => void;
}

const fromInput = (value: string) => (value === "" ? null : value);

/** UTC calendar days, both included: the server reads `to` up to the end of that day. */
export function DayWindowFilter({ from, to, onChange }: DayWindowFilterProps) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className={labelClasses}>Days (UTC)</legend>
      <div className="flex items-center gap-1">
        <input
          type="date"
          aria-label="From day"
          value={from ?? ""}
          max={to ?? undefined}
          onChange={(event) => onChange({ from: fromInput(event.target.value) })}
          className={`${inputClasses} w-36`}
        />
        <span aria-hidden="true" className="text-zinc-500">
          –
        </span>
        <input
          type="date"
          aria-label="To day"
          value={to ?? ""}
          min={from ?? undefined}
          onChange={(event) => onChange({ to: fromInput(event.target.value) })}
          className={`${inputClasses} w-36`}
        />
      </div>
    </fieldset>
  );
}
