"use client";

import { buttonClasses } from "@/components/ui/field";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { SHORTCUTS } from "@/lib/inbox/shortcuts";

/** The shortcuts, in a modal `<dialog>`: Esc is its own cancel; `?` closes it via the inbox. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useModalDialog(onClose);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcut-sheet-title"
      className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-lg bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/30 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/50"
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
      {/* autoFocus: showModal() gives the focus to it, so Enter or Space closes the sheet. */}
      {/* biome-ignore lint/a11y/noAutofocus: the dialog's first control, as the platform intends */}
      <button type="button" autoFocus onClick={onClose} className={`${buttonClasses} mt-4 w-full`}>
        Close
      </button>
    </dialog>
  );
}
