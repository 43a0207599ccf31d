"use client";

import { type FormEvent, useState } from "react";
import { inputClasses, labelClasses } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";

export function PasscodeForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: form.get("name"), passcode: form.get("passcode") }),
      });
      if (!response.ok) throw await ApiError.from(response);
      // A full navigation, so the server renders the page with the new session.
      window.location.assign(next);
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : "The inbox server could not be reached.",
      );
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="sign-in-name" className={labelClasses}>
          Name
        </label>
        <input
          id="sign-in-name"
          name="name"
          required
          maxLength={100}
          autoComplete="name"
          className={inputClasses}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="sign-in-passcode" className={labelClasses}>
          Passcode
        </label>
        <input
          id="sign-in-passcode"
          name="passcode"
          type="password"
          required
          autoComplete="current-password"
          className={inputClasses}
        />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="inline-flex h-10 items-center justify-center rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
