import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasscodeForm } from "@/components/auth/passcode-form";
import { authConfig } from "@/lib/auth/config";
import { safeReturnTo } from "@/lib/auth/return-to";
import { currentAnalyst } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in · Review inbox" };

const ERRORS: Record<string, string> = {
  not_allowed: "Your account is not allowed to use this inbox.",
  oidc_failed: "Sign-in failed. Try again.",
  mfa_required:
    "This inbox requires a second factor. Sign in to your identity provider with one, then try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnTo(typeof params.next === "string" ? params.next : null);
  const errorKey = typeof params.error === "string" ? params.error : "";
  const error = ERRORS[errorKey];
  if (!error && (await currentAnalyst())) redirect(next);

  return (
    <main className="mx-auto flex min-h-[70vh] max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The review inbox shows personal data of verified users. Sign in to continue.
        </p>
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          {error}
        </p>
      )}
      {authConfig.mode === "passcode" && <PasscodeForm next={next} />}
      {authConfig.mode === "oidc" && (
        <a
          href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
          className="inline-flex h-10 items-center justify-center rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          Sign in with your organisation
        </a>
      )}
    </main>
  );
}
