"use client";

import dynamic from "next/dynamic";
import { buttonClasses, dangerButtonClasses } from "@/components/ui/field";
import { DECISION_LABELS, DECISION_STATUSES, progressText } from "@/lib/inbox/decisions";
import type { UserStatus } from "@/lib/inbox/query-state";
import type { BulkOutcome } from "./use-decisions";

// Only after a bulk change has been answered.
const BulkResults = dynamic(() => import("./bulk-results").then((m) => m.BulkResults), {
  ssr: false,
});

export interface BulkBarProps {
  count: number;
  /** Users being changed right now (0: none). */
  pending: number;
  outcome: BulkOutcome | null;
  onDecide: (status: UserStatus) => void;
  onClear: () => void;
  onDismiss: () => void;
}

/**
 * "3 selected · Change status", floating at the bottom of the window, with the progress and the
 * results of the last bulk change. Fixed rather than in the flow: appearing on the first click
 * must not push the rows down under the pointer that is about to click the next box. On a phone
 * the buttons wrap under the count.
 */
export function BulkBar({ count, pending, outcome, onDecide, onClear, onDismiss }: BulkBarProps) {
  return (
    <section
      aria-label="Bulk change"
      className="fixed inset-x-0 bottom-3 z-30 mx-auto w-[calc(100%-1.5rem)] max-w-5xl rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm shadow-lg dark:border-blue-900 dark:bg-blue-950"
    >
      {/* Once every selected user is done, only the results remain, without an empty first row. */}
      <div
        className={`flex flex-wrap items-center gap-x-3 gap-y-2 ${count === 0 && pending === 0 ? "hidden" : ""}`}
      >
        {count > 0 && (
          <>
            <p className="font-medium text-zinc-900 dark:text-zinc-50">
              {count} selected <span aria-hidden="true">·</span>{" "}
              <span className="font-normal text-zinc-700 dark:text-zinc-300">Change status:</span>
            </p>
            <div className="flex flex-wrap items-center gap-1.5">
              {DECISION_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  disabled={pending > 0}
                  className={`${status === "BLOCKED" ? dangerButtonClasses : buttonClasses} h-8 px-2.5`}
                  onClick={() => onDecide(status)}
                >
                  {DECISION_LABELS[status]}
                </button>
              ))}
              <button
                type="button"
                className={`${buttonClasses} h-8 px-2.5`}
                disabled={pending > 0}
                onClick={onClear}
              >
                Clear selection
              </button>
            </div>
          </>
        )}
        <p aria-live="polite" className="text-zinc-700 empty:hidden dark:text-zinc-300">
          {pending > 0 ? progressText(pending) : null}
        </p>
      </div>
      {outcome && <BulkResults outcome={outcome} onDismiss={onDismiss} />}
    </section>
  );
}
