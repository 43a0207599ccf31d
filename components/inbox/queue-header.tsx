"use client";

import { QUEUES, type QueueName } from "@/components/teamwork/teamwork-queries";
import { buttonClasses } from "@/components/ui/field";
import type { QueueView } from "./use-inbox-rows";

/** Above a queue's rows: which queue, how many, who could not be read, and the way back. */
export function QueueHeader({
  queue,
  page,
  onBack,
}: {
  queue: QueueName;
  page: QueueView | undefined;
  onBack: () => void;
}) {
  return (
    <section aria-label={QUEUES[queue]} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {QUEUES[queue]}
          {page && (
            <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
              {page.count + page.missing.length === 1
                ? "1 user"
                : `${page.count + page.missing.length} users`}
            </span>
          )}
        </h2>
        <button type="button" className={buttonClasses} onClick={onBack}>
          Back to all users
        </button>
      </div>
      {page && page.count === 0 && page.missing.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {queue === "mine"
            ? "You have no claimed users. Claim one from its panel (c)."
            : "No proposals are awaiting approval."}
        </p>
      )}
      {page && page.missing.length > 0 && (
        <ul
          aria-label="Not read from Didit"
          className="list-disc pl-5 text-sm text-amber-900 dark:text-amber-200"
        >
          {page.missing.map((entry) => (
            <li key={entry.userId}>
              <code className="font-mono text-xs">{entry.vendorData ?? entry.userId}</code>:{" "}
              {entry.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
