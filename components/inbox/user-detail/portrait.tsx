"use client";

import { useState } from "react";

/**
 * Didit's portrait URLs are short-lived presigned links: loaded lazily, straight from Didit's
 * storage without a referrer, never proxied or cached by the app.
 */
export function Portrait({ url, name }: { url: string | null; name: string }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) {
    return (
      <div
        role="img"
        aria-label={url ? "Portrait unavailable" : "No portrait"}
        className="flex size-24 items-center justify-center rounded-lg bg-zinc-200 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      >
        {url ? "Unavailable" : "No portrait"}
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: presigned, expiring URLs must not go through the image optimizer's cache
    <img
      src={url}
      alt={`Portrait of ${name}`}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
      className="size-24 rounded-lg bg-zinc-200 object-cover dark:bg-zinc-800"
    />
  );
}
