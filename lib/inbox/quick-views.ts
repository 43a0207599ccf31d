import { subDays } from "date-fns";
import { ALL_USERS, type UsersQuery } from "./query-state";

/**
 * One-click presets. Each is a plain view (a URL); relative ones ("idle 30+ days") are computed
 * from the moment they are opened, so a preset never goes stale.
 */
export interface QuickView {
  id: string;
  label: string;
  view: (now: Date) => Partial<UsersQuery>;
}

export const QUICK_VIEWS: readonly QuickView[] = [
  { id: "flagged", label: "Flagged", view: () => ({ status: "FLAGGED" }) },
  {
    id: "flagged-idle",
    label: "Flagged, idle 30+ days",
    view: (now) => ({ status: "FLAGGED", last_activity_before: subDays(now, 30).toISOString() }),
  },
  { id: "blocked", label: "Blocked", view: () => ({ status: "BLOCKED" }) },
  {
    id: "new-this-week",
    label: "New this week",
    view: (now) => ({ created_after: subDays(now, 7).toISOString() }),
  },
];

/** The whole view a preset opens: its filters on the first page, keeping the page size. */
export function quickViewQuery(preset: QuickView, now: Date, limit: number): UsersQuery {
  return { ...ALL_USERS, ...preset.view(now), limit };
}
