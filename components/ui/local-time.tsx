"use client";

import { formatUtc } from "./relative-time";

const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A moment in the analyst's own time zone, with UTC on hover. Client-only renders use this. */
export function LocalTime({ value }: { value: string | null }) {
  if (!value) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {local.format(new Date(value))}
    </time>
  );
}
