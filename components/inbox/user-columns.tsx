"use client";

import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
} from "@tanstack/react-table";
import { TeamMarks } from "@/components/teamwork/team-marks";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InboxUser } from "@/lib/didit/types";
import { COLUMN_LABELS } from "@/lib/inbox/columns";
import { FeatureChip } from "./feature-chip";
import { StatusBadge } from "./status-badge";
import { TagPill } from "./tag-pill";

export const userTableFeatures = tableFeatures({ columnVisibilityFeature, columnOrderingFeature });

const column = createColumnHelper<typeof userTableFeatures, InboxUser>();

const muted = "text-zinc-500 dark:text-zinc-400";

function Dash() {
  return <span className={muted}>—</span>;
}

/** Shows the first few entries and how many more there are. */
function ShortList({ items, max = 2 }: { items: string[]; max?: number }) {
  if (items.length === 0) return <Dash />;
  const shown = items.slice(0, max);
  return (
    <ul className="space-y-0.5" title={items.join("\n")}>
      {shown.map((item) => (
        <li key={item} className="truncate">
          {item}
        </li>
      ))}
      {items.length > max && <li className={`text-xs ${muted}`}>+{items.length - max} more</li>}
    </ul>
  );
}

export const userColumns = column.columns([
  column.accessor("effectiveName", {
    id: "name",
    header: COLUMN_LABELS.name,
    cell: ({ row }) => {
      const { effectiveName, fullName } = row.original;
      return (
        <div className="min-w-0 break-words">
          <div className="font-medium text-zinc-900 dark:text-zinc-50">
            {effectiveName ?? <span className={`italic ${muted}`}>No name</span>}
          </div>
          {fullName && fullName !== effectiveName && (
            <div className={`text-xs ${muted}`}>{fullName}</div>
          )}
          <TeamMarks userId={row.original.id} />
        </div>
      );
    },
  }),
  column.accessor("vendorData", {
    id: "vendor_data",
    header: COLUMN_LABELS.vendor_data,
    cell: ({ getValue }) => {
      const value = getValue();
      return value ? (
        <code className="font-mono text-xs whitespace-nowrap">{value}</code>
      ) : (
        <Dash />
      );
    },
  }),
  column.accessor("status", {
    id: "status",
    header: COLUMN_LABELS.status,
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.accessor("features", {
    id: "features",
    header: COLUMN_LABELS.features,
    cell: ({ getValue }) => {
      const features = getValue();
      if (features.length === 0) return <Dash />;
      return (
        <div className="flex flex-wrap gap-1">
          {features.map((feature) => (
            <FeatureChip key={feature.feature} feature={feature} />
          ))}
        </div>
      );
    },
  }),
  column.accessor("tags", {
    id: "tags",
    header: COLUMN_LABELS.tags,
    cell: ({ getValue }) => {
      const tags = getValue();
      if (tags.length === 0) return <Dash />;
      return (
        <div className="flex flex-wrap gap-1">
          {tags.map((tag) => (
            <TagPill key={tag.id} tag={tag} />
          ))}
        </div>
      );
    },
  }),
  column.accessor("issuingStates", {
    id: "countries",
    header: COLUMN_LABELS.countries,
    cell: ({ getValue }) => {
      const states = getValue();
      if (states.length === 0) return <Dash />;
      return (
        <div className="flex flex-wrap gap-1">
          {states.map(({ country, count }) => (
            <span
              key={country}
              title={count === null ? country : `${country}: ${count} document(s)`}
              className="font-mono text-xs whitespace-nowrap"
            >
              {country}
              {count !== null && count > 1 && <span className={muted}>×{count}</span>}
            </span>
          ))}
        </div>
      );
    },
  }),
  column.accessor("sessions", {
    id: "sessions",
    header: COLUMN_LABELS.sessions,
    cell: ({ getValue }) => {
      const { approved, declined, inReview, total } = getValue();
      const summary = `${total} sessions: ${approved} approved, ${declined} declined, ${inReview} in review`;
      return (
        <span
          className="inline-flex gap-1.5 text-xs whitespace-nowrap tabular-nums"
          title={summary}
        >
          <span className="sr-only">{summary}</span>
          <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-400">
            ✓{approved}
          </span>
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            ✗{declined}
          </span>
          <span aria-hidden="true" className="text-amber-800 dark:text-amber-300">
            ◷{inReview}
          </span>
        </span>
      );
    },
  }),
  column.accessor("lastActivityAt", {
    id: "last_activity",
    header: COLUMN_LABELS.last_activity,
    cell: ({ getValue }) => <RelativeTime value={getValue()} />,
  }),
  column.accessor("createdAt", {
    id: "created",
    header: COLUMN_LABELS.created,
    cell: ({ getValue }) => <RelativeTime value={getValue()} />,
  }),
  column.accessor("approvedEmails", {
    id: "emails",
    header: COLUMN_LABELS.emails,
    cell: ({ getValue }) => <ShortList items={getValue()} />,
  }),
  column.accessor("approvedPhones", {
    id: "phones",
    header: COLUMN_LABELS.phones,
    cell: ({ getValue }) => <ShortList items={getValue()} />,
  }),
]);
