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
 */

const ROUTE = "/api/exports/users";

export interface UsersCsvOptions extends Omit<UserPagesOptions, "signal"> {
  /** The request's signal: aborted when the browser goes away. */
  signal?: AbortSignal;
  /** For the access log: how the first upstream request went. */
  onUpstream?: (info: UpstreamInfo) => void;
  now?: Date;
  /** Called once when the download ends, however it ends, with the rows sent (the audit trail). */
  onEnd?: (end: { rows: number; outcome: "done" | "cancelled" | "failed" }) => void;
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
  let pausedMs = 0;
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
    throw error;
  }
  const firstPage = first.done ? undefined : first.value;
  const total = firstPage?.count ?? 0;
  if (firstPage && !firstPage.countIsLowerBound && total > maxRows) {
    await pages.return();
    return apiError(
      "invalid_query",
      `This view has ${total.toLocaleString("en-US")} users; an export holds at most ${maxRows.toLocaleString("en-US")}. Narrow the filters, e.g. by creation date.`,
    );
  }

  const encoder = new TextEncoder();
  let pending: string | null = csvHead() + csvRecords(firstPage?.users ?? []);
  let rows = firstPage?.users.length ?? 0;
  let pageCount = 1;
  const summary = () => ({
    route: ROUTE,
    rows,
    pages: pageCount,
    pausedMs,
    durationMs: Math.round(performance.now() - started),
  });

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending !== null) {
          controller.enqueue(encoder.encode(pending));
          pending = null;
          return;
        }
        try {
          const next = await pages.next();
          // Gone while the page was on its way: end quietly (a cancelled stream ignores this).
          if (signal.aborted) return controller.error(signal.reason);
          if (next.done) {
            controller.close();
            log.info(summary(), "export finished");
            options.onEnd?.({ rows, outcome: "done" });
            return;
          }
          pageCount++;
          rows += next.value.users.length;
          controller.enqueue(encoder.encode(csvRecords(next.value.users)));
        } catch (error) {
          if (signal.aborted) return controller.error(signal.reason);
          const code = (error as { code?: unknown }).code;
          log.warn(
            { ...summary(), error: typeof code === "string" ? code : (error as Error).name },
            "export failed",
          );
          options.onEnd?.({ rows, outcome: "failed" });
          controller.error(error);
        }
      },
      async cancel() {
        aborter.abort();
        log.info(summary(), "export cancelled");
        options.onEnd?.({ rows, outcome: "cancelled" });
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
