"use client";

import { type KeyboardEvent, useEffect, useRef } from "react";
import { buttonClasses } from "@/components/ui/field";
import { SHORTCUTS } from "@/lib/inbox/shortcuts";

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" || event.key === "?") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-950/30 p-4 dark:bg-black/50">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-sheet-title"
        onKeyDown={onKeyDown}
        className="w-full max-w-sm rounded-lg bg-white p-5 shadow-2xl dark:bg-zinc-900"
      >
        <h2 id="shortcut-sheet-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 space-y-1.5 text-sm">
          {SHORTCUTS.map(({ keys, description }) => (
            <div key={description} className="flex items-center justify-between gap-4">
              <dt className="text-zinc-700 dark:text-zinc-300">{description}</dt>
              <dd className="flex gap-1">
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
                  >
                    {key}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        <button
          ref={close}
          type="button"
          onClick={onClose}
          className={`${buttonClasses} mt-4 w-full`}
        >
          Close
        </button>
      </div>
    </div>
  );
}
