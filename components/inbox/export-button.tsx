"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/field";
import { activityHeaders } from "@/lib/api/activity";
import { ApiError } from "@/lib/api/client";
import { CsvRecordCounter } from "@/lib/export/csv-row-counter";
import { filenameFromDisposition } from "@/lib/export/export-filename";
import { exportUrl } from "@/lib/export/export-url";
import type { UsersQuery } from "@/lib/inbox/query-state";

export interface ExportButtonProps {
  query: UsersQuery;
}

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; rows: number; total: number | null; lowerBound: boolean }
  | { kind: "done"; rows: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

const integer = new Intl.NumberFormat("en-US");
/** Progress is announced politely; more often than this would only chatter. */
const PROGRESS_EVERY_MS = 250;
const FALLBACK_FILENAME = "didit-users.csv";

function statusText(state: ExportState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "running": {
      if (state.total === null) return "Exporting…";
      const rows = integer.format(state.rows);
      // Didit caps large counts: "of 200+" holds only until the rows pass it.
      if (state.lowerBound && state.rows >= state.total) return `Exporting… ${rows}`;
      return `Exporting… ${rows} of ${integer.format(state.total)}${state.lowerBound ? "+" : ""}`;
    }
    case "done":
      return `Exported ${integer.format(state.rows)} ${state.rows === 1 ? "user" : "users"}.`;
    case "cancelled":
      return "Export cancelled.";
    case "failed":
      return `Export failed: ${state.message}`;
  }
}

function saveFile(chunks: BlobPart[], filename: string) {
  const href = URL.createObjectURL(new Blob(chunks, { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Downloads every user of the current view as CSV. The body is read as a stream so the analyst
 * sees rows arrive (and can cancel); the file is saved only once it has arrived whole, so a
 * failed or cancelled export never leaves a truncated file that looks complete.
 */
export function ExportButton({ query }: ExportButtonProps) {
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);
  const exportRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const running = state.kind === "running";

  // Leaving the inbox stops the download (and, through the disconnect, the server's walk).
  useEffect(() => () => controller.current?.abort(), []);

  // The pressed button is disabled while the export runs: keep the keyboard user's place. Only
  // on a change of state: on the first render this must not take the page's focus.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current === running) return;
    wasRunning.current = running;
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (running && (lost || focused === exportRef.current)) cancelRef.current?.focus();
    if (!running && lost) exportRef.current?.focus();
  }, [running]);

  async function run() {
    const aborter = new AbortController();
    controller.current = aborter;
    setState({ kind: "running", rows: 0, total: null, lowerBound: false });
    let received = false;
    try {
      const response = await fetch(exportUrl(query), {
        signal: aborter.signal,
        headers: { accept: "text/csv", ...activityHeaders() },
        cache: "no-store",
      });
      received = true;
      if (!response.ok) throw await ApiError.from(response);
      if (!response.body) throw new Error("The inbox server sent no file.");
      const totalHeader = response.headers.get("x-total-count");
      const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
      const lowerBound = response.headers.get("x-total-count-lower-bound") === "true";
      const filename =
        filenameFromDisposition(response.headers.get("content-disposition")) ?? FALLBACK_FILENAME;

      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const counter = new CsvRecordCounter();
      const chunks: BlobPart[] = [];
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        counter.push(decoder.decode(value, { stream: true }));
        if (performance.now() - shownAt >= PROGRESS_EVERY_MS) {
          shownAt = performance.now();
          // The header row is a record too.
          setState({ kind: "running", rows: Math.max(0, counter.records - 1), total, lowerBound });
        }
      }
      saveFile(chunks, filename);
      setState({ kind: "done", rows: Math.max(0, counter.records - 1) });
    } catch (error) {
      if (aborter.signal.aborted) {
        setState({ kind: "cancelled" });
      } else if (error instanceof ApiError) {
        setState({ kind: "failed", message: error.message });
      } else {
        // The server stops the stream on a failure mid-way; the browser then reports a network
        // error without a message worth showing.
        const message = received
          ? "the download stopped before the end. Try again."
          : "the inbox server could not be reached. Try again.";
        setState({ kind: "failed", message });
      }
    } finally {
      if (controller.current === aborter) controller.current = null;
    }
  }

  return (
    <div className="flex items-center gap-2">
      <button
        ref={exportRef}
        type="button"
        className={`${buttonClasses} px-2.5 sm:px-3`}
        disabled={running}
        onClick={() => void run()}
      >
        Export CSV
      </button>
      {running && (
        <button
          ref={cancelRef}
          type="button"
          className={buttonClasses}
          onClick={() => controller.current?.abort()}
        >
          Cancel
        </button>
      )}
      <span
        role="status"
        aria-live="polite"
        className={
          state.kind === "failed"
            ? "text-red-700 dark:text-red-400"
            : // Out of the row while empty (no gap beside it), yet still there to announce.
              "text-zinc-600 tabular-nums empty:absolute dark:text-zinc-400"
        }
      >
        {statusText(state)}
      </span>
    </div>
  );
}
