"use client";

import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";

const FOCUSABLE =
  "button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex='0']";

/**
 * A button that opens a panel next to it (the APG "menu button" pattern, with a panel of
 * controls rather than menu items): focus goes into the panel when it opens and back to the
 * button on Esc; a click anywhere else closes it. With `popup: false` it is a disclosure: the same
 * behaviour, without announcing the panel as a dialog.
 */
export function usePopover({ popup = true }: { popup?: boolean } = {}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useLayoutEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  return {
    open,
    close,
    rootProps: {
      ref: root,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== "Escape" || !open) return;
        // Handled here: neither an enclosing popover nor the inbox's Esc should act on it too.
        event.preventDefault();
        event.stopPropagation();
        close(true);
      },
    },
    buttonProps: {
      ref: button,
      type: "button" as const,
      "aria-expanded": open,
      // A plain disclosure (`popup: false`) when the panel is not a dialog on every screen size.
      "aria-haspopup": popup ? ("dialog" as const) : undefined,
      "aria-controls": panelId,
      onClick: () => (open ? close(false) : setOpen(true)),
    },
    panelProps: { ref: panel, id: panelId },
  };
}
