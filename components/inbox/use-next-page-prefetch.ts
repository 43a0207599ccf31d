"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { budgetHasRoom, usersQueryOptions } from "@/lib/inbox/users-query";

/**
 * The next page is usually where the analyst goes; have it ready. Fetched once the browser is
 * idle, so parsing it never competes with painting the rows just received, and only while the
 * team's Didit budget has room (less than half spent in the last minute).
 */
export function useNextPagePrefetch(
  query: UsersQuery,
  /** The page on screen; each fresh copy of it (a refetch too) prefetches again. */
  page: { hasNext: boolean } | undefined,
  placeholder: boolean,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!page?.hasNext || placeholder || !budgetHasRoom()) return;
    const prefetch = () =>
      void queryClient.prefetchQuery(
        usersQueryOptions({ ...query, offset: query.offset + query.limit }),
      );
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(prefetch, 200);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(prefetch, { timeout: 1000 });
    return () => window.cancelIdleCallback(idle);
  }, [page, placeholder, query, queryClient]);
}
