"use client";

import { useEffect, useRef } from "react";
import { type ShortcutAction, shortcutFor } from "@/lib/inbox/shortcuts";

/**
 * Listens for the inbox's shortcuts on the whole document. The handlers are read through a ref,
 * so the listener is attached once and always sees the current page.
 */
export function useInboxShortcuts(
  enabled: boolean,
  handlers: Partial<Record<ShortcutAction, () => void>>,
) {
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: event.target instanceof HTMLElement ? event.target : null,
      });
      const handler = action ? current.current[action] : undefined;
      if (handler) {
        event.preventDefault();
        handler();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
