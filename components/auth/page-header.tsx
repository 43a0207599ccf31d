import Link from "next/link";
import type { Role } from "@/lib/auth/roles";
import { AccountBar } from "./account-bar";

/**
 * The header of the pages beside the inbox (/activity, /admin/sessions): their title, the way back
 * to the inbox, and the account bar when analysts sign in.
 */
export function PageHeader({
  title,
  analyst,
}: {
  title: string;
  /** Null without sign-in (INBOX_AUTH=none): no account bar. */
  analyst: { name: string; role: Role } | null;
}) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <div className="flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <Link
          href="/"
          className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          Review inbox
        </Link>
      </div>
      {analyst && <AccountBar name={analyst.name} role={analyst.role} />}
    </header>
  );
}
