"use client";

import { formatDistanceStrict } from "date-fns";
import { useCan } from "@/components/auth/analyst-context";
import { LiveIndicator } from "@/components/teamwork/live-indicator";
import { QUEUES, type QueueName } from "@/components/teamwork/teamwork-queries";
import type { LiveState } from "@/components/teamwork/use-live-events";
import { useCopyToClipboard } from "@/components/ui/copy-button";
import { buttonClasses } from "@/components/ui/field";
import { useNow } from "@/components/ui/now";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { serializeUsersQuery } from "@/lib/inbox/query-state";
import { QUICK_VIEWS, quickViewQuery } from "@/lib/inbox/quick-views";
import { ViewMenu } from "./view-menu";

export interface InboxToolbarProps {
  query: UsersQuery;
  updatedAt: number;
  refreshing: boolean;
  onRefresh: () => void;
  onOpenView: (query: UsersQuery) => void;
  /** The queue on screen instead of the list, if any. */
  queue: QueueName | null;
  onOpenQueue: (queue: QueueName) => void;
  live: LiveState;
  exportButton?: React.ReactNode;
}

const quickViewClasses =
  "rounded-full border border-zinc-300 px-2.5 py-0.5 text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=page]:border-blue-600 aria-[current=page]:bg-blue-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-blue-950";

export function InboxToolbar({
  query,
  updatedAt,
  refreshing,
  onRefresh,
  onOpenView,
  queue,
  onOpenQueue,
  live,
  exportButton,
}: InboxToolbarProps) {
  const now = useNow();
  const reviewer = useCan("reviewer");
  const queues = (Object.keys(QUEUES) as QueueName[]).filter((name) => name !== "mine" || reviewer);
  const [copied, copy] = useCopyToClipboard();

  return (
    // One row of actions, wrapping under the quick views when narrow: the bulk-selection bar and
    // new actions join it, and secondary ones go into the View menu on phones.
    <div className="relative flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
      <nav
        aria-label="Quick views"
        className="-mx-4 flex max-w-[calc(100%+2rem)] items-center gap-1.5 overflow-x-auto px-4 text-sm whitespace-nowrap sm:mx-0 sm:max-w-full sm:flex-wrap sm:px-0"
      >
        <span className="text-zinc-600 dark:text-zinc-400">Quick views:</span>
        {QUICK_VIEWS.map((preset) => {
          const href =
            serializeUsersQuery(quickViewQuery(preset, new Date(now), query.limit)) || "?";
          return (
            <a
              key={preset.id}
              href={href}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                // Computed at the click, so "idle 30+ days" means 30 days before now.
                onOpenView(quickViewQuery(preset, new Date(), query.limit));
              }}
              className={quickViewClasses}
            >
              {preset.label}
            </a>
          );
        })}
        {queues.map((name) => (
          <a
            key={name}
            href={`?queue=${name}`}
            aria-current={queue === name ? "page" : undefined}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onOpenQueue(name);
            }}
            className={quickViewClasses}
          >
            {QUEUES[name]}
          </a>
        ))}
      </nav>
      <div className="flex flex-wrap items-center gap-1.5 text-sm sm:gap-2">
        <span
          className="basis-full text-zinc-600 sm:basis-auto dark:text-zinc-400"
          aria-live="polite"
        >
          {refreshing
            ? "Updating…"
            : updatedAt > 0
              ? `Updated ${formatDistanceStrict(Math.min(updatedAt, now), now, { addSuffix: true })}`
              : null}
        </span>
        <LiveIndicator state={live} />
        <button type="button" className={`${buttonClasses} px-2.5 sm:px-3`} onClick={onRefresh}>
          Refresh
        </button>
        <button
          type="button"
          className={`${buttonClasses} px-2.5 sm:px-3`}
          onClick={() => copy(window.location.href)}
        >
          {copied ? "Link copied" : "Copy link"}
        </button>
        {exportButton}
        <ViewMenu />
      </div>
    </div>
  );
}
