import type { QueryKey } from "@tanstack/react-query";
import type { LiveEvent } from "@/lib/api/live";
import { queryKeys } from "@/lib/api/query-keys";

/**
 * What a browser asks again when it hears of a change. Claims, notes and proposals live in the
 * inbox's store, so refreshing them costs no Didit call; only a decision refreshes the users'
 * pages and counts, and not the analyst's own (their browser already did, on the answer).
 */
export function invalidationsFor(event: LiveEvent, me: string | null): QueryKey[] {
  const histories = event.data.userIds.map((id) => queryKeys.users.history(id));
  const own = me !== null && event.data.analyst.id === me;
  switch (event.kind) {
    case "decision":
      return [
        ...(own ? [] : [queryKeys.users.all]),
        queryKeys.teamwork.all,
        queryKeys.queues.all,
        queryKeys.activity.all,
        ...histories,
      ];
    case "claim":
      return [queryKeys.teamwork.all, queryKeys.queues.all, queryKeys.activity.all, ...histories];
    case "note":
      return [queryKeys.teamwork.all, queryKeys.activity.all, ...histories];
    case "proposal":
      return [queryKeys.teamwork.all, queryKeys.queues.all, queryKeys.activity.all, ...histories];
    // Didit's own webhook: a user changed there (a console action, a rule, another app).
    case "didit":
      return [queryKeys.users.all, queryKeys.queues.all, queryKeys.activity.all];
    default:
      return [];
  }
}
