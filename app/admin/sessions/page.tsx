import type { Metadata } from "next";
import { SessionsView } from "@/components/admin/sessions-view";
import { PageHeader } from "@/components/auth/page-header";
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
      <PageHeader title="Sessions" analyst={authConfig.mode === "none" ? null : analyst} />
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
