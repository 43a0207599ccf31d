"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";

export interface FilterSelectProps {
  id: string;
  label: string;
  value: string | null;
  /** Shown for "no filter". */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | null) => void;
}

/** One labelled select of the filter bar; the empty choice clears the filter. */
export function FilterSelect({ id, label, value, anyLabel, options, onChange }: FilterSelectProps) {
  // A bookmarked value the list does not hold (an analyst with no events left) stays selectable.
  const shown =
    value !== null && !options.some((option) => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? null : event.target.value)}
        className={`${inputClasses} max-w-56 pr-7`}
      >
        <option value="">{anyLabel}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
