"use client";

import { useEffect, useRef, useState } from "react";
import { inputClasses, labelClasses } from "@/components/ui/field";
import { MAX_SEARCH_LENGTH } from "@/lib/inbox/query-state";

const DEBOUNCE_MS = 300;

export interface SearchInputProps {
  value: string | null;
  onCommit: (value: string | null) => void;
}

/** Typing is instant; the URL (and the request) follows once the analyst pauses. */
export function SearchInput({ value, onCommit }: SearchInputProps) {
  const [text, setText] = useState(value ?? "");
  const committed = useRef(value ?? "");

  // Back/Forward or "Clear filters" change the URL under the input: follow it.
  useEffect(() => {
    if ((value ?? "") !== committed.current) {
      committed.current = value ?? "";
      setText(value ?? "");
    }
  }, [value]);

  useEffect(() => {
    const next = text.trim();
    if (next === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = next;
      onCommit(next === "" ? null : next);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onCommit]);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="inbox-search" className={labelClasses}>
        Search
      </label>
      <input
        id="inbox-search"
        type="search"
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder="Name, vendor data, email, phone"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        className={`${inputClasses} w-72`}
      />
    </div>
  );
}
