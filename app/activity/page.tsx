import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { ActivitySkeleton } from "@/components/activity/activity-states";
import { ActivityView } from "@/components/activity/activity-view";
import { AnalystProvider } from "@/components/auth/analyst-context";
import { PageHeader } from "@/components/auth/page-header";
import { presentEvent } from "@/lib/activity/present";
import {
  type ActivityQuery,
  activityWindow,
  loadActivityQuery,
  parseActivityQuery,
  serializeActivityQuery,
} from "@/lib/activity/query-state";
import { queryKeys } from "@/lib/api/query-keys";
import type { ActivityPage } from "@/lib/api/types";
import { authConfig } from "@/lib/auth/config";
import { requireAnalyst } from "@/lib/auth/guard";
import { auditAnalysts, listAuditEvents } from "@/lib/db/audit-queries";
import { getDatabase } from "@/lib/db/database";
import { makeQueryClient } from "@/lib/inbox/query-client";

export const metadata: Metadata = { title: "Activity · Review inbox · Didit" };

/** The same page the API answers, read straight from the store (no HTTP hop to ourselves). */
async function loadActivityPage(query: ActivityQuery): Promise<ActivityPage> {
  const { db } = await getDatabase();
  const [{ events, total }, analysts] = await Promise.all([
    listAuditEvents(db, { ...query, ...activityWindow(query) }, query),
    auditAnalysts(db),
  ]);
  return {
    events: events.map(presentEvent),
    total,
    limit: query.limit,
    offset: query.offset,
    analysts,
  };
}

export default async function ActivityTrailPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const query = loadActivityQuery(await searchParams);
  // The view as the URL holds it after nuqs drops invalid values: the place to come back to.
  const here = serializeActivityQuery("/activity", query);
  const analyst = await requireAnalyst(here);
  const queryClient = makeQueryClient();
  // A window the API refuses (`to` before `from`) is left to the browser, which shows the
  // server's message; rendering it here as an empty page would contradict that.
  if (parseActivityQuery(new URL(here, "http://localhost").searchParams).ok) {
    await queryClient.prefetchQuery({
      queryKey: queryKeys.activity.page(query),
      queryFn: () => loadActivityPage(query),
      // A failure is shown (and retried) by the browser.
      retry: false,
    });
  }

  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 px-4 py-6">
      <PageHeader title="Activity" analyst={authConfig.mode === "none" ? null : analyst} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<ActivitySkeleton />}>
          <AnalystProvider analyst={{ id: analyst.id, name: analyst.name, role: analyst.role }}>
            <ActivityView />
          </AnalystProvider>
        </Suspense>
      </HydrationBoundary>
    </main>
  );
}
