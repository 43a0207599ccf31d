"use client";

import { useQuery } from "@tanstack/react-query";
import { type QueueName, queueQueryOptions } from "@/components/teamwork/teamwork-queries";
import type { QueuePage, UsersPage } from "@/lib/api/types";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { usersQueryOptions } from "@/lib/inbox/users-query";

/** A queue shown as the table shows a page: every user on one page, and who could not be read. */
export type QueueView = UsersPage & { missing: QueuePage["missing"] };

function asPage(queue: QueuePage): QueueView {
  return {
    count: queue.users.length,
    countIsLowerBound: false,
    limit: Math.max(1, queue.users.length),
    offset: 0,
    hasNext: false,
    hasPrevious: false,
    results: queue.users,
    missing: queue.missing,
  };
}

/**
 * The rows on screen: a page of Didit's list as the URL's filters say, or, with `queue` set, a
 * queue from the inbox's own store. Only the one on screen is fetched.
 */
export function useInboxRows(query: UsersQuery, queue: QueueName | null, autoRefresh: boolean) {
  const refetchInterval = autoRefresh ? 60_000 : false;
  const list = useQuery({ ...usersQueryOptions(query), refetchInterval, enabled: queue === null });
  const queued = useQuery({
    ...queueQueryOptions(queue ?? "mine"),
    select: asPage,
    refetchInterval,
    enabled: queue !== null,
  });
  return queue === null ? list : queued;
}
