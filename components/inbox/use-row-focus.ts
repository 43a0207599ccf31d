"use client";

import { useCallback, useRef, useState } from "react";

export function rowElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`tr[data-user-id="${CSS.escape(id)}"]`);
}

/**
 * The table's roving "active row". The id lives in a ref that changes the moment a key is
 * handled, and the focus moves at once (no waiting for a frame), so the next key, however fast,
 * already finds the row focused. The state copy only drives what is painted.
 */
export function useRowFocus(rowIds: readonly string[]) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeRef = useRef<string | null>(null);
  const idsRef = useRef(rowIds);
  idsRef.current = rowIds;

  const activate = useCallback((id: string | null) => {
    activeRef.current = id;
    setActiveId(id);
  }, []);

  const focusRow = useCallback(
    (id: string) => {
      activate(id);
      rowElement(id)?.focus();
    },
    [activate],
  );

  const moveFocus = useCallback(
    (delta: 1 | -1) => {
      const ids = idsRef.current;
      if (ids.length === 0) return;
      const index = activeRef.current === null ? -1 : ids.indexOf(activeRef.current);
      const next = ids[index < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, index + delta))];
      if (next) focusRow(next);
    },
    [focusRow],
  );

  return { activeId, activeRef, activate, focusRow, moveFocus };
}

export type RowFocus = ReturnType<typeof useRowFocus>;
