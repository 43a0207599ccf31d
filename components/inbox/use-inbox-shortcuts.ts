"use client";

import { useEffect, useRef } from "react";
import { type ShortcutAction, type ShortcutScope, shortcutFor } from "@/lib/inbox/shortcuts";

/** A shortcut's handler; `false` means "not mine after all": the browser keeps the key. */
export type ShortcutHandler = (event: KeyboardEvent) => unknown;

/**
 * Listens for the inbox's shortcuts on the whole document, for as long as the inbox is mounted.
 * The scope and the handlers are read at each key press, not at the last render: a key typed
 * right after another (j then Enter, Enter then Esc) acts on what the previous key did, even
 * before React has re-rendered.
 */
export function useInboxShortcuts(
  scope: () => ShortcutScope,
  handlers: Partial<Record<ShortcutAction, ShortcutHandler>>,
) {
  const current = useRef({ scope, handlers });
  current.current = { scope, handlers };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const action = shortcutFor(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          target: event.target instanceof HTMLElement ? event.target : null,
        },
        current.current.scope(),
      );
      const handler = action ? current.current.handlers[action] : undefined;
      if (handler && handler(event) !== false) event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
