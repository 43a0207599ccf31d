"use client";

import { buttonClasses } from "@/components/ui/field";

export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" onClick={signOut} className={buttonClasses}>
      Sign out
    </button>
  );
}
