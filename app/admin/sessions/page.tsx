import type { Metadata } from "next";
import Link from "next/link";
import { SessionsView } from "@/components/admin/sessions-view";
import { AccountBar } from "@/components/auth/account-bar";
import { authConfig } from "@/lib/auth/config";
import { requireAnalyst } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sessions · Review inbox" };

/** Admins only: who is signed in, and ending their sessions. The API checks the role again. */
export default async function SessionsPage() {
  const analyst = await requireAnalyst("/admin/sessions");
  const admin = hasRole(analyst.role, "admin");
  return (
    <main className="mx-auto flex max-w-[1200px] flex-col gap-4 px-4 py-6">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex items-baseline gap-4">
          <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
          <Link
            href="/"
            className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
          >
            Review inbox
          </Link>
        </div>
        {authConfig.mode !== "none" && <AccountBar name={analyst.name} role={analyst.role} />}
      </header>
      {authConfig.mode === "none" ? (
        <p className="text-sm">
          Nobody signs in on this server (INBOX_AUTH=none): there are no sessions.
        </p>
      ) : admin ? (
        <SessionsView renderedAt={Date.now()} />
      ) : (
        <p role="alert" className="text-sm">
          Only an admin can see and end sessions.
        </p>
      )}
    </main>
  );
}
