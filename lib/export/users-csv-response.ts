import "server-only";
import type { UpstreamInfo } from "@/lib/didit/client";
import { apiError } from "@/lib/http/responses";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { log } from "@/lib/log";
import { csvHead, csvRecords } from "./csv-encode";
import { attachmentDisposition, exportFilename } from "./export-filename";
import { MAX_EXPORT_ROWS, type UserPagesOptions, userPages } from "./user-pages";

/**
 * The whole view as a CSV download, streamed. The first page is fetched before answering, so a
 * failure there is an ordinary JSON error with its status, and `X-Total-Count` can tell the
 * browser how many rows to expect. After that the body is pulled: the next upstream page is
 * requested only when the client has taken the previous one (plus one page read ahead, the
 * stream's high-water mark), so a slow download slows the walk instead of filling memory.
 *
 * A failure after the first byte cannot change the status any more; the stream is errored, which
 * makes Next.js cut the connection without the final chunk, and the browser sees a failed download
 * instead of a file that looks complete. The client's disconnect aborts the upstream work.
 *
 * An export also has an overall time limit (`timeLimitMs`): past it the upstream walk is aborted
 * and the stream errored with an ExportTimeLimitError, whether the export was waiting on Didit,
 * on the rate limit or on a slow reader, so no download hangs for ever.
 */

/** The longest one export may run, first page to last byte. */
export const EXPORT_TIME_LIMIT_MS = 30 * 60_000;

export class ExportTimeLimitError extends Error {
  override name = "ExportTimeLimitError";
  readonly code = "export_time_limit";

  constructor(readonly limitMs: number) {
    super(`The export stopped at its time limit of ${Math.round(limitMs / 60_000)} minutes.`);
  }
}

export type ExportOutcome = "done" | "cancelled" | "failed" | "timed_out";

const ROUTE = "/api/exports/users";

export interface UsersCsvOptions extends Omit<UserPagesOptions, "signal"> {
  /** The request's signal: aborted when the browser goes away. */
  signal?: AbortSignal;
  /** For the access log: how the first upstream request went. */
  onUpstream?: (info: UpstreamInfo) => void;
  now?: Date;
  /** Overall limit on the export; `EXPORT_TIME_LIMIT_MS` by default. */
  timeLimitMs?: number;
  /**
   * Called exactly once when the export ends, however it ends (including a failure of the first
   * page and a refusal as too large), with the rows sent: the audit trail and the export gate.
   */
  onEnd?: (end: { rows: number; outcome: ExportOutcome }) => void;
}

export async function usersCsvResponse(
  filters: UsersQuery,
  options: UsersCsvOptions = {},
): Promise<Response> {
  const started = performance.now();
  const aborter = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, aborter.signal])
    : aborter.signal;
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  const timeLimitMs = options.timeLimitMs ?? EXPORT_TIME_LIMIT_MS;
  let pausedMs = 0;
  let rows = 0;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = (outcome: ExportOutcome) => {
    clearTimeout(timer);
    if (ended) return;
    ended = true;
    options.onEnd?.({ rows, outcome });
  };
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  let timedOut: ExportTimeLimitError | undefined;
  timer = setTimeout(() => {
    timedOut = new ExportTimeLimitError(timeLimitMs);
    log.warn({ route: ROUTE, rows, timeLimitMs }, "export stopped at its time limit");
    aborter.abort(timedOut);
    controllerRef?.error(timedOut);
    end("timed_out");
    void pages.return().catch(() => undefined);
  }, timeLimitMs);
  timer.unref?.();
  const pages = userPages(filters, {
    ...options,
    signal,
    maxRows,
    request: { ...options.request, ...(options.onUpstream && { onUpstream: options.onUpstream }) },
    onPause: (pause) => {
      if (pause.reason === "rate_limited") pausedMs += pause.ms;
      options.onPause?.(pause);
    },
  });

  let first: Awaited<ReturnType<typeof pages.next>>;
  try {
    first = await pages.next();
  } catch (error) {
    aborter.abort();
    if (timedOut) return apiError("upstream_timeout", timedOut.message);
    end(signal.aborted ? "cancelled" : "failed");
    throw error;
  }
  const firstPage = first.done ? undefined : first.value;
  const total = firstPage?.count ?? 0;
  if (firstPage && !firstPage.countIsLowerBound && total > maxRows) {
    await pages.return();
    end("failed");
    return apiError(
      "invalid_query",
      `This view has ${total.toLocaleString("en-US")} users; an export holds at most ${maxRows.toLocaleString("en-US")}. Narrow the filters, e.g. by creation date.`,
    );
  }

  const encoder = new TextEncoder();
  let pending: string | null = csvHead() + csvRecords(firstPage?.users ?? []);
  rows = firstPage?.users.length ?? 0;
  let pageCount = 1;
  const summary = () => ({
    route: ROUTE,
    rows,
    pages: pageCount,
    pausedMs,
    durationMs: Math.round(performance.now() - started),
  });

  /** The walk was aborted: by the time limit (already reported), or by the client going away. */
  function abortedStream(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (timedOut) return controller.error(timedOut);
    end("cancelled");
    controller.error(signal.reason);
  }

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
      },
      async pull(controller) {
        if (timedOut) return controller.error(timedOut);
        if (pending !== null) {
          controller.enqueue(encoder.encode(pending));
          pending = null;
          return;
        }
        try {
          const next = await pages.next();
          // Gone while the page was on its way: end quietly (a cancelled stream ignores this).
          if (signal.aborted) return abortedStream(controller);
          if (next.done) {
            controller.close();
            log.info(summary(), "export finished");
            end("done");
            return;
          }
          pageCount++;
          rows += next.value.users.length;
          controller.enqueue(encoder.encode(csvRecords(next.value.users)));
        } catch (error) {
          if (signal.aborted) return abortedStream(controller);
          const code = (error as { code?: unknown }).code;
          log.warn(
            { ...summary(), error: typeof code === "string" ? code : (error as Error).name },
            "export failed",
          );
          end("failed");
          controller.error(error);
        }
      },
      async cancel() {
        aborter.abort();
        if (!ended) log.info(summary(), "export cancelled");
        end("cancelled");
        await pages.return().catch(() => undefined);
      },
    },
    // One chunk (one page) ready ahead of the reader, no more.
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );

  const headers = new Headers({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachmentDisposition(
      exportFilename(filters, options.now ?? new Date()),
    ),
    "cache-control": "no-store",
    "x-total-count": String(total),
  });
  if (firstPage?.countIsLowerBound) headers.set("x-total-count-lower-bound", "true");
  return new Response(body, { status: 200, headers });
}
