"use client";

import { useCallback, useLayoutEffect, useRef } from "react";
import type { RowFocus } from "./use-row-focus";

/** The open user's dialog, found by id: it is loaded lazily, so the inbox holds no ref to it. */
export const USER_PANEL_ID = "user-detail";

type SetUser = (id: string | null, mode?: "push" | "replace") => unknown;

/**
 * Opening, stepping and closing the user panel. Which user is open is also kept in a ref that
 * changes with the key press itself, so Esc typed right after Enter closes the user Enter opened,
 * even while the panel's code is still loading.
 */
export function useUserPanel(
  rowIds: readonly string[],
  user: string | null,
  setUser: SetUser,
  rows: RowFocus,
) {
  const openRef = useRef<string | null>(user);
  // Back, Forward and links change the URL's user under us.
  useLayoutEffect(() => {
    openRef.current = user;
  }, [user]);
  const idsRef = useRef(rowIds);
  idsRef.current = rowIds;
  const { activate, focusRow } = rows;

  const openRow = useCallback(
    (id: string) => {
      openRef.current = id;
      activate(id);
      void setUser(id);
    },
    [activate, setUser],
  );

  const closePanel = useCallback(() => {
    const id = openRef.current;
    if (id === null) return;
    openRef.current = null;
    // Closed first: while the modal dialog is open the rows are inert and cannot take focus.
    const dialog = document.getElementById(USER_PANEL_ID);
    if (dialog instanceof HTMLDialogElement && dialog.open) dialog.close();
    focusRow(id);
    void setUser(null, "replace");
  }, [focusRow, setUser]);

  const stepPanel = useCallback(
    (delta: 1 | -1) => {
      const ids = idsRef.current;
      const index = openRef.current === null ? -1 : ids.indexOf(openRef.current);
      const next = index < 0 ? undefined : ids[index + delta];
      if (!next) return;
      openRef.current = next;
      activate(next);
      void setUser(next, "replace");
    },
    [activate, setUser],
  );

  return { openRef, openRow, closePanel, stepPanel };
}
