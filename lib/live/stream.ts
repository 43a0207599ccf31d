import { LIVE_READY, LIVE_SESSION_ENDED, type LiveEvent } from "@/lib/api/live";
import type { LiveBus } from "./bus";

/** A comment line every so often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after a drop (EventSource's `retry`). */
const RETRY_MS = 1500;
/** How many sent ids a stream remembers, so that none is sent twice. */
const SENT_MEMORY = 1000;

export interface LiveStreamOptions {
  bus: LiveBus;
  /** The last event the browser saw (`Last-Event-ID`), or null on a first connection. */
  lastEventId: number | null;
  /**
   * Whether the analyst's session still stands, asked at every heartbeat without moving its idle
   * timeout: an open stream is not the analyst's activity, so it never keeps a session alive.
   */
  sessionLive: () => Promise<boolean>;
  signal: AbortSignal;
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

function frame(event: LiveEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * One browser's Server-Sent Events: what it missed since `Last-Event-ID`, then each new event as
 * it is published, with heartbeats; ended with a `session-ended` event once the session is gone.
 */
export function liveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { bus, signal } = options;
  /** Where this stream starts: the browser has seen everything up to here. */
  let floor = options.lastEventId ?? 0;
  let stop: () => void = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Ids are not always published in order (two instances, or two requests, at once), so a
      // later event with a lower id is still sent; each id is sent once. Sending one twice, after
      // a reconnection, only refreshes twice.
      const sent = new Set<number>();
      const send = (event: LiveEvent) => {
        if (event.id <= floor || sent.has(event.id)) return;
        sent.add(event.id);
        if (sent.size > SENT_MEMORY) sent.delete(sent.values().next().value as number);
        write(frame(event));
      };
      let timer: NodeJS.Timeout | null = null;
      let unsubscribe: () => void = () => {};
      const close = () => {
        if (!open) return;
        open = false;
        if (timer) clearInterval(timer);
        unsubscribe();
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      stop = close;
      signal.addEventListener("abort", close);

      write(`retry: ${RETRY_MS}\n\n`);
      await bus.ready();
      // Closed while waiting (the browser went away): subscribe to nothing, start no heartbeat.
      if (!open) return;
      // Events published while the backlog is read are held, then sent in order, once each.
      const held: LiveEvent[] = [];
      let replaying = true;
      unsubscribe = bus.subscribe(
        (event) => (replaying ? held.push(event) : send(event)),
        () => close(),
      );
      if (options.lastEventId === null) {
        floor = await bus.latestId();
        write(`event: ${LIVE_READY}\nid: ${floor}\ndata: {}\n\n`);
      } else {
        for (const event of await bus.since(options.lastEventId)) send(event);
        write(`event: ${LIVE_READY}\ndata: {}\n\n`);
      }
      replaying = false;
      for (const event of held.sort((a, b) => a.id - b.id)) send(event);
      if (!open) return;

      timer = setInterval(() => {
        void options.sessionLive().then(
          (live) => {
            if (live) return write(": heartbeat\n\n");
            write(`event: ${LIVE_SESSION_ENDED}\ndata: {}\n\n`);
            close();
          },
          () => write(": heartbeat\n\n"),
        );
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      timer.unref?.();
      if (signal.aborted) close();
    },
    cancel() {
      stop();
    },
  });
}

/** `Last-Event-ID` as sent by EventSource on a reconnection; anything else is a first connection. */
export function parseLastEventId(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}
