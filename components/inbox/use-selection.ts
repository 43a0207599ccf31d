"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { toggleAll, toggleSelection } from "@/lib/inbox/decisions";

const NONE: ReadonlySet<string> = new Set();

/**
 * The rows chosen for a bulk change, by user id. A selection belongs to the page it was made on:
 * a new view (page, filters, page size) starts empty, and ids that leave the page (a refresh, a
 * decision that moved them out of the view) drop out, so a change never reaches users the analyst
 * cannot see. The callbacks are stable, so memoised rows re-render only when their own box flips.
 */
export function useSelection(rowIds: readonly string[], viewKey: string) {
  const [stored, setStored] = useState<ReadonlySet<string>>(NONE);
  const [storedView, setStoredView] = useState(viewKey);
  // A new view: cleared in the same render, not an effect later, so no frame shows a stale count.
  if (storedView !== viewKey) {
    setStoredView(viewKey);
    setStored(NONE);
  }
  const selected = useMemo(() => {
    const onPage = rowIds.filter((id) => stored.has(id));
    return onPage.length === stored.size ? stored : new Set(onPage);
  }, [rowIds, stored]);

  const idsRef = useRef(rowIds);
  idsRef.current = rowIds;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  /** The last box clicked: where a shift-click's range starts. */
  const anchor = useRef<string | null>(null);

  const toggle = useCallback((id: string, range = false) => {
    const next = toggleSelection(idsRef.current, selectedRef.current, id, anchor.current, range);
    anchor.current = id;
    selectedRef.current = next;
    setStored(next);
  }, []);

  const togglePage = useCallback(() => {
    const next = toggleAll(idsRef.current, selectedRef.current);
    anchor.current = null;
    selectedRef.current = next;
    setStored(next);
  }, []);

  /** Replaces the selection (after a bulk change: only the rows to retry stay). */
  const select = useCallback((ids: Iterable<string>) => {
    const next = new Set(ids);
    selectedRef.current = next;
    setStored(next);
  }, []);

  const clear = useCallback(() => select([]), [select]);

  return { selected, selectedRef, toggle, togglePage, select, clear };
}

export type Selection = ReturnType<typeof useSelection>;
