"use client";

import { formatDistanceStrict } from "date-fns";
import { useNow } from "./now";

/** `2025-06-15T10:30:00.000Z` → `2025-06-15 10:30 UTC`: the same on server and browser. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function RelativeTime({ value }: { value: string | null }) {
  const now = useNow();
  if (!value) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const date = new Date(value);
  // Never let one odd value take the table down: show it as it came.
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  // `now` ticks, so something that just happened can be a few seconds ahead of it: "0 seconds ago",
  // not "in 4 seconds". A time well in the future is shown as it is.
  const ahead = date.getTime() - now;
  const shown = ahead > 0 && ahead < 60_000 ? now : date;
  return (
    <time dateTime={value} title={formatUtc(value)} className="whitespace-nowrap">
      {formatDistanceStrict(shown, now, { addSuffix: true })}
    </time>
  );
}
