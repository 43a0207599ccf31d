"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useAnalyst } from "@/components/auth/analyst-context";
import { LIVE_SESSION_ENDED, type LiveEvent } from "@/lib/api/live";
import { invalidationsFor } from "@/lib/teamwork/live-invalidation";

export type LiveState = "connecting" | "live" | "reconnecting" | "ended";

/**
 * Listens to `GET /api/events` and refreshes what each event changes, so what other analysts do
 * shows up without a reload. EventSource reconnects by itself after a drop or a server restart,
 * sending `Last-Event-ID`, and the server replays what was missed. When the session ends the
 * stream says so and the queries are refreshed, which shows the sign-in prompt.
 */
export function useLiveEvents(): LiveState {
  const queryClient = useQueryClient();
  const me = useAnalyst()?.id ?? null;
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let lastId = "";
    let backoff = 2000;
    let stopped = false;

    const connect = () => {
      // A new EventSource does not send Last-Event-ID itself: `after` carries it.
      const current = new EventSource(
        lastId ? `/api/events?${new URLSearchParams({ after: lastId })}` : "/api/events",
      );
      source = current;
      current.addEventListener("ready", (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId = message.lastEventId;
        backoff = 2000;
        setState("live");
      });
      current.addEventListener("message", (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId = message.lastEventId;
        let event: LiveEvent;
        try {
          event = JSON.parse(message.data) as LiveEvent;
        } catch {
          return;
        }
        for (const queryKey of invalidationsFor(event, me)) {
          void queryClient.invalidateQueries({ queryKey });
        }
      });
      current.addEventListener(LIVE_SESSION_ENDED, () => {
        stopped = true;
        current.close();
        setState("ended");
        void queryClient.invalidateQueries();
      });
      current.addEventListener("error", () => {
        if (stopped) return;
        if (current.readyState !== EventSource.CLOSED) return setState("reconnecting");
        // Refused outright (an error answer, not a dropped connection): EventSource gives up, so
        // try again later, and let the queries show why (a sign-in prompt, an outage).
        setState("reconnecting");
        void queryClient.invalidateQueries();
        retry = setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, 60_000);
      });
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [queryClient, me]);

  return state;
}
