"use client";

import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";

const cell = "h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800";

/** The table's shape while the first rows load. */
export function InboxSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div
      role="status"
      aria-label="Loading users"
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="h-9 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <div key={i} className="flex gap-4 border-b border-zinc-100 px-3 py-3 dark:border-zinc-800">
          <div className={`${cell} w-40`} />
          <div className={`${cell} w-24`} />
          <div className={`${cell} w-16`} />
          <div className={`${cell} w-64`} />
          <div className={`${cell} w-20`} />
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ onClear }: { onClear: (() => void) | null }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">No users match these filters</p>
      {onClear && (
        <button type="button" onClick={onClear} className={`${buttonClasses} mt-4`}>
          Clear filters
        </button>
      )}
    </div>
  );
}

function useCountdown(seconds: number | undefined, since: number) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (seconds === undefined) return;
    const tick = () => setLeft(Math.max(0, Math.ceil(seconds - (Date.now() - since) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [seconds, since]);
  return left;
}

export interface ErrorStateProps {
  error: Error;
  failedAt: number;
  onRetry: () => void;
}

/** A bookmark can point past the end of a list that has since shrunk. */
export function PastTheEnd({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        This page is past the last user
      </p>
      <button type="button" onClick={onFirstPage} className={`${buttonClasses} mt-4`}>
        Go to the first page
      </button>
    </div>
  );
}

export function ErrorState({ error, failedAt, onRetry }: ErrorStateProps) {
  const apiError = error instanceof ApiError ? error : null;
  const rateLimited = apiError?.code === "rate_limited";
  const left = useCountdown(rateLimited ? apiError?.retryAfter : undefined, failedAt);
  const waiting = rateLimited && left !== undefined && left > 0;

  return (
    <div
      role="alert"
      aria-labelledby="inbox-error-title"
      className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900 dark:bg-red-950/40"
    >
      <p id="inbox-error-title" className="font-medium text-red-900 dark:text-red-100">
        {rateLimited ? "Too many requests" : "The users could not be loaded"}
      </p>
      <p className="mt-1 text-sm text-red-800 dark:text-red-200">
        {apiError
          ? apiError.message
          : "The inbox server could not be reached. Check your connection."}
      </p>
      {waiting && (
        <p className="mt-1 text-sm text-red-800 dark:text-red-200">You can retry in {left} s.</p>
      )}
      <button
        type="button"
        onClick={onRetry}
        disabled={waiting}
        className={`${buttonClasses} mt-4`}
      >
        Retry
      </button>
    </div>
  );
}
