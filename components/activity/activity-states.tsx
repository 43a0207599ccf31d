"use client";

import { buttonClasses } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";

const cell = "h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

/** The table's shape while the first events load. */
export function ActivitySkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div
      role="status"
      aria-label="Loading activity"
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="h-9 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <div key={i} className="flex gap-4 border-b border-zinc-100 px-3 py-3 dark:border-zinc-800">
          <div className={`${cell} w-32`} />
          <div className={`${cell} w-28`} />
          <div className={`${cell} w-24`} />
          <div className={`${cell} w-40`} />
          <div className={`${cell} w-56`} />
        </div>
      ))}
    </div>
  );
}

export function ActivityEmpty({ onClear }: { onClear: (() => void) | null }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        {onClear ? "No activity matches these filters" : "No activity yet"}
      </p>
      {onClear && (
        <button type="button" onClick={onClear} className={`${buttonClasses} mt-4`}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/** A bookmark can point past the end of a trail (another filter, a smaller page). */
export function ActivityPastTheEnd({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        This page is past the last event
      </p>
      <button type="button" onClick={onFirstPage} className={`${buttonClasses} mt-4`}>
        Go to the first page
      </button>
    </div>
  );
}

/** The server's own message (e.g. which filter it refused), or a plain word about the network. */
export function ActivityError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const fields = error instanceof ApiError ? Object.entries(error.fields ?? {}) : [];
  return (
    <div
      role="alert"
      aria-labelledby="activity-error-title"
      className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900 dark:bg-red-950/40"
    >
      <p id="activity-error-title" className="font-medium text-red-900 dark:text-red-100">
        The activity could not be loaded
      </p>
      <p className="mt-1 text-sm text-red-800 dark:text-red-200">
        {error instanceof ApiError
          ? error.message
          : "The inbox server could not be reached. Check your connection."}
      </p>
      {fields.length > 0 && (
        <ul className="mt-1 text-sm text-red-800 dark:text-red-200">
          {fields.map(([field, reason]) => (
            <li key={field}>
              {field}: {reason}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onRetry} className={`${buttonClasses} mt-4`}>
        Retry
      </button>
    </div>
  );
}
