"use client";

import { inputClasses, labelClasses } from "@/components/ui/field";

export interface UserFilterInputProps {
  /** nuqs' state: every keystroke, ahead of the debounced URL. */
  value: string;
  onType: (text: string) => void;
  onCommit: (text: string) => void;
}

/** A user's Didit ID or vendor data. Typing waits for a pause; Enter or leaving the field does not. */
export function UserFilterInput({ value, onType, onCommit }: UserFilterInputProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="activity-user" className={labelClasses}>
        User
      </label>
      <input
        id="activity-user"
        type="search"
        value={value}
        maxLength={200}
        placeholder="Didit ID or vendor data"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onType(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onCommit(event.currentTarget.value);
        }}
        onBlur={(event) => onCommit(event.currentTarget.value)}
        className={`${inputClasses} w-full sm:w-60`}
      />
    </div>
  );
}
