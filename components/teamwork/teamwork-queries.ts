import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ClaimInfo, NoteInfo, QueuePage, UserNotes, Workspace } from "@/lib/api/types";

/** The browser's side of the teamwork API: claims, notes, proposals and queues. */

export const QUEUES = {
  mine: "My claims",
  approval: "Awaiting approval",
} as const;
export type QueueName = keyof typeof QUEUES;

export function workspaceQueryOptions(ids: readonly string[]) {
  return queryOptions({
    queryKey: queryKeys.teamwork.workspace(ids),
    queryFn: ({ signal }) =>
      apiFetch<Workspace>(`/api/workspace?${new URLSearchParams({ ids: ids.join(",") })}`, {
        signal,
      }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    // Live events say when it changes; this is only the fallback without them.
    staleTime: 30_000,
  });
}

export function notesQueryOptions(userId: string) {
  return queryOptions({
    queryKey: queryKeys.teamwork.notes(userId),
    queryFn: ({ signal }) =>
      apiFetch<UserNotes>(`/api/notes?${new URLSearchParams({ user: userId })}`, { signal }),
    staleTime: 30_000,
  });
}

export function queueQueryOptions(queue: QueueName) {
  return queryOptions({
    queryKey: queryKeys.queues.queue(queue),
    queryFn: ({ signal }) => apiFetch<QueuePage>(`/api/queues/${queue}`, { signal }),
  });
}

export interface ClaimTarget {
  id: string;
  vendorData: string | null;
}

export function claimUser(user: ClaimTarget, takeOver = false) {
  return apiFetch<{ claim: ClaimInfo; result: string }>("/api/claims", {
    method: "POST",
    body: { userId: user.id, vendorData: user.vendorData, takeOver },
  });
}

export function releaseUser(userId: string) {
  return apiFetch<{ released: boolean }>(`/api/claims?${new URLSearchParams({ user: userId })}`, {
    method: "DELETE",
  });
}

export function addNote(user: ClaimTarget, body: string) {
  return apiFetch<{ note: NoteInfo }>("/api/notes", {
    method: "POST",
    body: { userId: user.id, vendorData: user.vendorData, body },
  });
}

export function editNote(id: number, body: string) {
  return apiFetch<{ note: NoteInfo }>(`/api/notes/${id}`, { method: "PATCH", body: { body } });
}

export function deleteNote(id: number) {
  return apiFetch<{ deleted: boolean }>(`/api/notes/${id}`, { method: "DELETE" });
}

export function reviewProposal(
  id: number,
  verdict: { action: "approve" } | { action: "reject"; reason: string },
) {
  return apiFetch<{ outcome: { outcome: string; message: string } | null }>(
    `/api/proposals/${id}`,
    { method: "POST", body: verdict },
  );
}
