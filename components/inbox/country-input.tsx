"use client";

import { useEffect, useState } from "react";
import { inputClasses, labelClasses } from "@/components/ui/field";
import { COUNTRY_SUGGESTIONS } from "@/lib/inbox/countries";

export interface CountryInputProps {
  value: string | null;
  onCommit: (value: string | null) => void;
}

/** Applies as soon as three letters are typed (or the field is emptied). */
export function CountryInput({ value, onCommit }: CountryInputProps) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);

  const invalid = text !== "" && !/^[A-Za-z]{3}$/.test(text);

  function change(next: string) {
    const code = next.trim().toUpperCase();
    setText(code);
    if (code === "") onCommit(null);
    else if (/^[A-Z]{3}$/.test(code) && code !== value) onCommit(code);
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="inbox-country" className={labelClasses}>
        Country
      </label>
      <input
        id="inbox-country"
        value={text}
        maxLength={3}
        placeholder="ESP"
        list="inbox-country-suggestions"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby="inbox-country-hint"
        onChange={(event) => change(event.target.value)}
        className={`${inputClasses} w-24 font-mono uppercase`}
      />
      <span id="inbox-country-hint" className="sr-only">
        Three-letter ISO code of the issuing country, such as ESP for Spain.
      </span>
      <datalist id="inbox-country-suggestions">
        {COUNTRY_SUGGESTIONS.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </datalist>
    </div>
  );
}
