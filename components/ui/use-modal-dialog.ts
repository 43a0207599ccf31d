"use client";

import { useLayoutEffect, useRef } from "react";

/**
 * Shows a `<dialog>` as a modal for as long as the component is mounted: the browser traps the
 * focus, makes the page behind inert and turns Esc (or a phone's back gesture) into `cancel`.
 * Every way of closing it (cancel, a click on the backdrop, a close the browser forces) ends up
 * in one `onClose`, which unmounts it.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    // Without a user gesture since it opened, the browser may close it without a cancelable
    // cancel event; follow it.
    const onNativeClose = () => onCloseRef.current();
    const onClick = (event: MouseEvent) => {
      if (event.target !== dialog) return;
      const box = dialog.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside) onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    dialog.addEventListener("close", onNativeClose);
    dialog.addEventListener("click", onClick);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      dialog.removeEventListener("close", onNativeClose);
      dialog.removeEventListener("click", onClick);
      if (dialog.open) dialog.close();
    };
  }, []);

  return ref;
}
