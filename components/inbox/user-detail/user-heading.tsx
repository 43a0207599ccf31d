import type { InboxUser } from "@/lib/didit/types";
import { StatusBadge } from "../status-badge";
import { Portrait } from "./portrait";

export const USER_DETAIL_TITLE_ID = "user-detail-title";

export function displayName(user: InboxUser): string {
  return user.effectiveName ?? user.vendorData ?? "Unnamed user";
}

/** Portrait, name and status: the dialog's title is this name. */
export function UserHeading({ user }: { user: InboxUser }) {
  const name = displayName(user);
  return (
    <div className="flex items-start gap-4 py-4">
      <Portrait url={user.portraitUrl} name={name} />
      <div className="min-w-0">
        <h2 id={USER_DETAIL_TITLE_ID} className="text-xl font-semibold break-words">
          {name}
        </h2>
        {user.fullName && user.fullName !== user.effectiveName && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{user.fullName}</p>
        )}
        <div className="mt-2">
          <StatusBadge status={user.status} />
        </div>
      </div>
    </div>
  );
}

/** The URL names a user this page no longer holds. */
export function UserMissing() {
  return (
    <div className="px-5 py-10">
      <h2 id={USER_DETAIL_TITLE_ID} className="text-lg font-semibold">
        User not in this view
      </h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The linked user is not on this page of the inbox any more: their status or the filters may
        have changed.
      </p>
    </div>
  );
}
