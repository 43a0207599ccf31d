import { StatusBadge } from "@/components/inbox/status-badge";

/** "Flagged → Active"; either side may be unknown (a status the analyst never saw). */
export function StatusTransition({
  before,
  after,
}: {
  before: string | null;
  after: string | null;
}) {
  if (before === null && after === null) {
    return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {before === null ? <span className="text-zinc-500">?</span> : <StatusBadge status={before} />}
      <span aria-hidden="true" className="text-zinc-500 dark:text-zinc-400">
        →
      </span>
      <span className="sr-only">to</span>
      {after === null ? <span className="text-zinc-500">?</span> : <StatusBadge status={after} />}
    </span>
  );
}
