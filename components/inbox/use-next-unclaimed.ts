"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { workspaceQueryOptions } from "@/components/teamwork/teamwork-queries";
import type { Workspace } from "@/lib/api/types";
import type { InboxUser } from "@/lib/didit/types";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { usersQueryOptions } from "@/lib/inbox/users-query";

/** How far `n` looks ahead before it says there is nobody left. */
const MAX_PAGES_AHEAD = 10;

export interface NextUnclaimedOptions {
  query: UsersQuery;
  /** False for a queue: it has one page. */
  paged: boolean;
  /** Whether the list goes on after the page on screen. */
  hasNext: boolean;
  rowsRef: RefObject<InboxUser[]>;
  workspaceRef: RefObject<Workspace | undefined>;
  activeRef: RefObject<string | null>;
  openRef: RefObject<string | null>;
  rowIds: readonly string[];
  goTo: (offset: number, user: string | null) => unknown;
  focusRow: (id: string) => void;
  openUser: (id: string) => unknown;
}

/** The first user after `from` whom nobody has claimed. */
export function firstUnclaimed(
  ids: readonly string[],
  workspace: Workspace | undefined,
  from = -1,
): string | null {
  for (let index = from + 1; index < ids.length; index++) {
    const id = ids[index] as string;
    if (!workspace?.claims[id]) return id;
  }
  return null;
}

/**
 * `n`: the next user nobody has claimed, after the focused or open one, on this page or the
 * pages after it (read through the same queries as the table, so the page it lands on is
 * already loaded).
 */
export function useNextUnclaimed(options: NextUnclaimedOptions) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const { rowIds, focusRow } = options;

  // A user found on a later page is focused once that page is on screen.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id && rowIds.includes(id)) {
      pendingFocus.current = null;
      focusRow(id);
    }
  }, [rowIds, focusRow]);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const go = useCallback(async () => {
    const { query, paged, rowsRef, workspaceRef, activeRef, openRef, goTo, openUser } =
      optionsRef.current;
    const ids = (rowsRef.current ?? []).map((row) => row.id);
    const panelOpen = openRef.current !== null;
    const current = openRef.current ?? activeRef.current;
    const here = firstUnclaimed(ids, workspaceRef.current, current ? ids.indexOf(current) : -1);
    if (here) {
      if (panelOpen) openUser(here);
      else optionsRef.current.focusRow(here);
      return;
    }
    if (paged) {
      let offset = query.offset;
      let hasNext = optionsRef.current.hasNext;
      for (let step = 0; hasNext && step < MAX_PAGES_AHEAD; step++) {
        offset += query.limit;
        const next = await queryClient.fetchQuery(usersQueryOptions({ ...query, offset }));
        const nextIds = next.results.map((row) => row.id);
        const workspace = await queryClient.fetchQuery(workspaceQueryOptions(nextIds));
        const found = firstUnclaimed(nextIds, workspace);
        if (found) {
          if (!panelOpen) pendingFocus.current = found;
          goTo(offset, panelOpen ? found : null);
          return;
        }
        hasNext = next.hasNext;
      }
    }
    setNotice("Every user after this one is claimed.");
  }, [queryClient]);

  return { go, notice };
}
