import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { Inbox } from "@/components/inbox/inbox";
import { InboxSkeleton } from "@/components/inbox/inbox-states";
import { NowProvider } from "@/components/ui/now";
import { listUsers } from "@/lib/didit/client";
import { makeQueryClient } from "@/lib/inbox/query-client";
import { loadInboxQuery, type UsersQuery } from "@/lib/inbox/query-state";
import { usersQueryKey } from "@/lib/inbox/users-query";

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query: UsersQuery = loadInboxQuery(await searchParams);
  const queryClient = makeQueryClient();
  // Render the first view's rows on the server; a failure is left for the browser to show.
  await queryClient.prefetchQuery({
    queryKey: usersQueryKey(query),
    queryFn: () => listUsers(query),
  });

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-4 py-6">
      <header className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Review inbox</h1>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <NowProvider renderedAt={Date.now()}>
          <Suspense fallback={<InboxSkeleton />}>
            <Inbox />
          </Suspense>
        </NowProvider>
      </HydrationBoundary>
    </main>
  );
}
