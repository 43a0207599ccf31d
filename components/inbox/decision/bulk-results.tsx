"use client";

import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/field";
import { STATUS_NAMES, summaryText } from "@/lib/inbox/decisions";
import type { BulkEntry, BulkOutcome } from "./use-decisions";

const OUTCOME_BADGE = {
  done: { tone: "positive", label: "Changed" },
  failed: { tone: "negative", label: "Failed" },
  unknown: { tone: "warning", label: "Unknown" },
  proposed: { tone: "info", label: "Proposed" },
} as const;

function EntryList({ entries }: { entries: BulkEntry[] }) {
  return (
    <ul className="mt-1 max-h-60 space-y-1 overflow-y-auto">
      {entries.map((entry) => {
        const badge = OUTCOME_BADGE[entry.outcome];
        return (
          <li key={entry.id} className="flex flex-wrap items-baseline gap-x-2">
            <Badge tone={badge.tone}>{badge.label}</Badge>
            <span className="font-medium break-all">{entry.name}</span>
            {/* Didit's own message: text, never markup. */}
            <span className="break-words text-zinc-700 dark:text-zinc-300">{entry.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What came of a bulk change: the summary, every user that failed or whose outcome is unknown
 * (they stay selected, to retry), and the changed ones folded away. It takes the focus when it
 * appears: the button that started the change may be gone with the rows it changed.
 */
export function BulkResults({
  outcome,
  onDismiss,
}: {
  outcome: BulkOutcome;
  onDismiss: () => void;
}) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    region.current?.focus();
  }, []);
  const problems = outcome.entries.filter(
    (entry) => entry.outcome === "failed" || entry.outcome === "unknown",
  );
  const done = outcome.entries.filter((entry) => entry.outcome === "done");
  const proposed = outcome.entries.filter((entry) => entry.outcome === "proposed");
  const summary = summaryText(outcome.summary);

  return (
    <div
      ref={region}
      tabIndex={-1}
      role="status"
      aria-label={`Bulk change: ${summary}`}
      className="mt-2 border-t border-blue-200 pt-2 outline-none dark:border-blue-900 [.hidden+&]:mt-0 [.hidden+&]:border-0 [.hidden+&]:pt-0"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-zinc-900 dark:text-zinc-50">
          Set to {STATUS_NAMES[outcome.status]}: {summary}
        </p>
        <button type="button" className={`${buttonClasses} h-8 px-2.5`} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {problems.length > 0 && (
        <>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            {problems.some((entry) => entry.outcome === "unknown")
              ? "Still selected, to try again (safe for unknown outcomes):"
              : "Still selected, to try again:"}
          </p>
          <EntryList entries={problems} />
        </>
      )}
      {done.length > 0 && (
        <details className="mt-1" open={problems.length === 0 && done.length <= 5}>
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
            Changed ({done.length})
          </summary>
          <EntryList entries={done} />
        </details>
      )}
      {proposed.length > 0 && (
        <details className="mt-1" open={problems.length === 0 && proposed.length <= 5}>
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
            Awaiting a second reviewer ({proposed.length})
          </summary>
          <EntryList entries={proposed} />
        </details>
      )}
    </div>
  );
}
