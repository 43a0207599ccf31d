"use client";

import { useState } from "react";

/** Copies text to the clipboard; `copied` is true for a moment afterwards, for feedback. */
export function useCopyToClipboard() {
  const [copied, setCopied] = useState(false);
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }
  return [copied, copy] as const;
}

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, copy] = useCopyToClipboard();
  return (
    <button
      type="button"
      onClick={() => copy(value)}
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      className="rounded px-1.5 py-0.5 text-xs text-zinc-600 ring-1 ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800"
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
