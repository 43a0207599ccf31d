import type { ActivityQuery } from "@/lib/activity/query-state";
import type { UsersQuery } from "@/lib/inbox/query-state";

/**
 * Every React Query key of the inbox, from one factory, so a query and the invalidations that
 * must reach it cannot drift apart. Keys nest: invalidating `users.all` refreshes every page,
 * count and user detail at once (after a decision, a live event or a webhook).
 */
export const queryKeys = {
  users: {
    all: ["users"] as const,
    pages: () => [...queryKeys.users.all, "page"] as const,
    page: (query: UsersQuery) => [...queryKeys.users.pages(), query] as const,
    counts: () => [...queryKeys.users.all, "count"] as const,
    count: (query: UsersQuery) => [...queryKeys.users.counts(), query] as const,
    details: () => [...queryKeys.users.all, "detail"] as const,
    detail: (vendorData: string) => [...queryKeys.users.details(), vendorData] as const,
    /** A user's own history on the audit trail (it changes with every decision about them). */
    history: (id: string) => [...queryKeys.users.all, "history", id] as const,
  },
  /** The inbox's own store: claims, notes, proposals. No Didit call is behind these. */
  teamwork: {
    all: ["teamwork"] as const,
    workspace: (ids: readonly string[]) => [...queryKeys.teamwork.all, "workspace", ids] as const,
    notes: (userId: string) => [...queryKeys.teamwork.all, "notes", userId] as const,
  },
  /** Queues read from the store, each user then from Didit. */
  queues: {
    all: ["queues"] as const,
    queue: (name: string) => [...queryKeys.queues.all, name] as const,
  },
  activity: {
    all: ["activity"] as const,
    page: (query: ActivityQuery) => [...queryKeys.activity.all, "page", query] as const,
  },
};
