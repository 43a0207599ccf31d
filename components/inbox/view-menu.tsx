"use client";

import { usePreference } from "@/components/preferences/use-preference";
import { useTheme } from "@/components/theme/use-theme";
import { buttonClasses } from "@/components/ui/field";
import { usePopover } from "@/components/ui/use-popover";
import { ColumnsMenu } from "./columns-menu";

const THEME_LABELS = {
  system: "Theme: system",
  light: "Theme: light",
  dark: "Theme: dark",
} as const;
const NEXT_THEME = { system: "light", light: "dark", dark: "system" } as const;

/**
 * How the inbox looks: auto-refresh, columns, density, theme. In a row on wide screens; on a
 * phone folded into one "View" button, so the toolbar keeps a single row as actions are added.
 * One set of controls either way: the panel is laid out inline from `sm` up.
 */
export function ViewMenu() {
  const popover = usePopover({ popup: false });
  const [autoRefresh, setAutoRefresh] = usePreference("autoRefresh");
  const [density, setDensity] = usePreference("density");
  const [theme, setTheme] = useTheme();

  return (
    // Not positioned itself: on a phone the panel hangs from the toolbar's right edge, in view.
    <div {...popover.rootProps} className="sm:contents">
      <button {...popover.buttonProps} className={`${buttonClasses} px-2.5 sm:hidden`}>
        View
      </button>
      <div
        {...popover.panelProps}
        className={`${popover.open ? "flex" : "hidden"} absolute top-full right-0 z-30 mt-1 w-56 flex-col items-stretch gap-2 rounded-md border border-zinc-200 bg-white p-2 shadow-lg sm:static sm:mt-0 sm:flex sm:w-auto sm:flex-row sm:items-center sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none dark:border-zinc-700 dark:bg-zinc-900 sm:dark:bg-transparent`}
      >
        <label className="flex items-center gap-1.5 px-1 text-zinc-700 sm:px-0 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={autoRefresh}
            onChange={(event) => setAutoRefresh(event.target.checked)}
            className="size-4 accent-blue-700"
          />
          Auto-refresh (60 s)
        </label>
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
      </div>
    </div>
  );
}
