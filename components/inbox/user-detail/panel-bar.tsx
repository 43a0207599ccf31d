import { buttonClasses } from "@/components/ui/field";

export interface PanelBarProps {
  position: { index: number; total: number } | null;
  onClose: () => void;
  onStep: (delta: 1 | -1) => void;
}

/** Where this user sits on the page, the way to the neighbours, and the way out. */
export function PanelBar({ position, onClose, onStep }: PanelBarProps) {
  return (
    <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {position ? `User ${position.index + 1} of ${position.total} on this page` : "User"}
      </p>
      <div className="flex items-center gap-1">
        <button
          type="button"
          className={buttonClasses}
          aria-label="Previous user"
          disabled={!position || position.index === 0}
          onClick={() => onStep(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className={buttonClasses}
          aria-label="Next user"
          disabled={!position || position.index >= position.total - 1}
          onClick={() => onStep(1)}
        >
          ↓
        </button>
        <button type="button" className={buttonClasses} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
