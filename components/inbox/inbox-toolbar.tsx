"use client";

import { formatDistanceStrict } from "date-fns";
import { useCopyToClipboard } from "@/components/ui/copy-button";
import { buttonClasses } from "@/components/ui/field";
import { useNow } from "@/components/ui/now";
import { usePreference } from "@/components/preferences/use-preference";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { serializeUsersQuery } from "@/lib/inbox/query-state";
import { QUICK_VIEWS, quickViewQuery } from "@/lib/inbox/quick-views";
import { ColumnsMenu } from "./columns-menu";
import { useTheme } from "@/components/theme/use-theme";

export interface InboxToolbarProps {
  query: UsersQuery;
  updatedAt: number;
  refreshing: boolean;
  onRefresh: () => void;
  onOpenView: (query: UsersQuery) => void;
  exportButton?: React.ReactNode;
}

const THEME_LABELS = {
  system: "Theme: system",
  light: "Theme: light",
  dark: "Theme: dark",
} as const;
const NEXT_THEME = { system: "light", light: "dark", dark: "system" } as const;

export function InboxToolbar({
  query,
  updatedAt,
  refreshing,
  onRefresh,
  onOpenView,
  exportButton,
}: InboxToolbarProps) {
  const now = useNow();
  const [copied, copy] = useCopyToClipboard();
  const [autoRefresh, setAutoRefresh] = usePreference("autoRefresh");
  const [density, setDensity] = usePreference("density");
  const [theme, setTheme] = useTheme();

  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Quick views" className="flex flex-wrap items-center gap-1.5 text-sm">
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
              className="rounded-full border border-zinc-300 px-2.5 py-0.5 text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              {preset.label}
            </a>
          );
        })}
      </nav>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {refreshing
            ? "Updating…"
            : updatedAt > 0
              ? `Updated ${formatDistanceStrict(Math.min(updatedAt, now), now, { addSuffix: true })}`
              : null}
        </span>
        <button type="button" className={buttonClasses} onClick={onRefresh}>
          Refresh
        </button>
        <label className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={autoRefresh}
            onChange={(event) => setAutoRefresh(event.target.checked)}
            className="size-4 accent-blue-700"
          />
          Auto-refresh (60 s)
        </label>
        <button type="button" className={buttonClasses} onClick={() => copy(window.location.href)}>
          {copied ? "Link copied" : "Copy link"}
        </button>
        <ColumnsMenu />
        <button
          type="button"
          className={buttonClasses}
          aria-pressed={density === "compact"}
          onClick={() => setDensity(density === "compact" ? "comfortable" : "compact")}
        >
          Compact rows
        </button>
        <button type="button" className={buttonClasses} onClick={() => setTheme(NEXT_THEME[theme])}>
          {THEME_LABELS[theme]}
        </button>
        {exportButton}
      </div>
    </div>
  );
}
