import Link from "next/link";
import type { ActivityEvent } from "@/lib/api/types";

const none = <span className="text-zinc-500 dark:text-zinc-400">—</span>;

/**
 * The user an event is about. With vendor data the inbox can find them (its search matches
 * vendor data), so the link opens that view with the user's panel; a Didit ID alone could only
 * open a panel for a user who is not on the page, so it stays plain text.
 */
export function EventTarget({ target }: { target: ActivityEvent["target"] }) {
  const { internalId, vendorData } = target;
  if (!internalId && !vendorData) return none;
  const label = vendorData ?? internalId;
  return (
    <div className="flex min-w-0 flex-col">
      {internalId && vendorData ? (
        <Link
          href={`/?${new URLSearchParams({ search: vendorData, user: internalId })}`}
          className="truncate font-mono text-xs text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
          title={`Open ${vendorData} in the inbox`}
        >
          {label}
        </Link>
      ) : (
        <span className="truncate font-mono text-xs">{label}</span>
      )}
      {internalId && vendorData && (
        <span
          className="truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400"
          title={internalId}
        >
          {internalId}
        </span>
      )}
    </div>
  );
}
