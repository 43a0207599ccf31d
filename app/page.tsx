import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { cookies } from "next/headers";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { AccountBar } from "@/components/auth/account-bar";
import { AnalystProvider } from "@/components/auth/analyst-context";
import { Inbox } from "@/components/inbox/inbox";
import { InboxSkeleton } from "@/components/inbox/inbox-states";
import { parseViewCookie, VIEW_COOKIE } from "@/components/preferences/preference-schema";
import { PreferencesProvider } from "@/components/preferences/preferences-provider";
import { NowProvider } from "@/components/ui/now";
import { queryKeys } from "@/lib/api/query-keys";
import { authConfig } from "@/lib/auth/config";
import { requireAnalyst } from "@/lib/auth/guard";
import { listUsers } from "@/lib/didit/client";
import { makeQueryClient } from "@/lib/inbox/query-client";
import { loadInboxQuery, type UsersQuery } from "@/lib/inbox/query-state";
import { runForParty } from "@/lib/runtime/request-party";

/** The page's own query string, to come back to after signing in. */
function serializeSearchParams(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      search.append(key, item);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const analyst = await requireAnalyst(`/${serializeSearchParams(params)}`);
  const query: UsersQuery = loadInboxQuery(params);
  // The analyst's columns and density, so the first HTML already has them (no flash, no mismatch).
  const view = parseViewCookie((await cookies()).get(VIEW_COOKIE)?.value);
  const queryClient = makeQueryClient();
  // Render the first view's rows on the server; a failure is left for the browser to show.
  await queryClient.prefetchQuery({
    queryKey: queryKeys.users.page(query),
    queryFn: () => runForParty(analyst.id, () => listUsers(query)),
    // The proxy already retries what is worth retrying; a failure is shown by the browser.
    retry: false,
  });

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-4 py-6">
      <header className="flex items-center justify-between gap-4">
        <div className="flex items-baseline gap-4">
          <h1 className="text-2xl font-semibold tracking-tight">Review inbox</h1>
          <Link
            href="/activity"
            className="text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
          >
            Activity
          </Link>
        </div>
        {authConfig.mode !== "none" && <AccountBar name={analyst.name} role={analyst.role} />}
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<InboxSkeleton />}>
          {/* Inside the boundary: the clock must hydrate together with what reads it. */}
          <NowProvider renderedAt={Date.now()}>
            <PreferencesProvider initial={view}>
              <AnalystProvider analyst={{ id: analyst.id, name: analyst.name, role: analyst.role }}>
                <Inbox />
              </AnalystProvider>
            </PreferencesProvider>
          </NowProvider>
        </Suspense>
      </HydrationBoundary>
    </main>
  );
}
