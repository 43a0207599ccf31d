import type { LiveState } from "./use-live-events";

const LIVE_LABELS: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  ended: "Not live",
};

/** Whether what other analysts do is reaching this page as it happens. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <span
      data-testid="live-state"
      data-state={state}
      title="Claims, notes and decisions by other analysts show up here as they happen."
      className={`inline-flex items-center gap-1 text-xs ${state === "live" ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-600 dark:text-zinc-400"}`}
    >
      <span aria-hidden="true">●</span>
      {LIVE_LABELS[state]}
    </span>
  );
}
