"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/field";
import type { Role } from "@/lib/auth/roles";

async function signOut(everywhere: boolean) {
  await fetch("/api/auth/sign-out", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(everywhere ? { everywhere: true } : {}),
  }).catch(() => undefined);
  window.location.assign("/sign-in");
}

const ROLE_LABEL: Record<Role, string> = { viewer: "Viewer", reviewer: "Reviewer", admin: "Admin" };

/**
 * The header's account corner: who is signed in and in what role, the sessions page for admins,
 * and signing out here or on every device.
 */
export function AccountBar({ name, role }: { name: string; role: Role }) {
  const [busy, setBusy] = useState(false);
  const run = (everywhere: boolean) => {
    setBusy(true);
    void signOut(everywhere);
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="analyst-name" className="text-zinc-700 dark:text-zinc-300">
        {name}
      </span>
      <span
        data-testid="analyst-role"
        className="rounded-full border border-zinc-300 px-2 py-0.5 text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
      >
        {ROLE_LABEL[role]}
      </span>
      {role === "admin" && (
        <Link
          href="/admin/sessions"
          className="font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
        >
          Sessions
        </Link>
      )}
      <button type="button" disabled={busy} onClick={() => run(false)} className={buttonClasses}>
        Sign out
      </button>
      <button type="button" disabled={busy} onClick={() => run(true)} className={buttonClasses}>
        Sign out everywhere
      </button>
    </div>
  );
}
