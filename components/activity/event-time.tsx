"use client";

import { useSyncExternalStore } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { formatUtc } from "@/components/ui/relative-time";

const noSubscription = () => () => {};

/**
 * LocalTime for a server-rendered table. The server does not know the analyst's time zone, so
 * the server HTML and the hydration pass show UTC (identical on both sides, no mismatch); the
 * render straight after hydration switches to local time, with UTC on hover.
 */
export function EventTime({ value }: { value: string }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return <time dateTime={value}>{formatUtc(value)}</time>;
  return <LocalTime value={value} />;
}
