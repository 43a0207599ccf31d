"use client";

import type { ActivityEvent } from "@/lib/api/types";
import { EventTarget } from "./event-target";
import { EventTime } from "./event-time";
import { OutcomeBadge, outcomeMessage } from "./outcome-badge";
import { StatusTransition } from "./status-transition";

export interface ActivityTableProps {
  events: ActivityEvent[];
  /** True while newer events are on their way: the current ones stay, under a loading bar. */
  stale: boolean;
}

/** Sized to fit a 1280-px window without scrolling; the reason takes what is left. */
const COLUMNS = [
  { label: "Time", width: 170 },
  { label: "Analyst", width: 165 },
  { label: "Action", width: 125 },
  { label: "User", width: 165 },
  { label: "Status", width: 170 },
  { label: "Reason", width: 215 },
  { label: "Outcome", width: 90 },
  { label: "Code", width: 80 },
] as const;

/**
 * On a phone each event is a card (a row of label/value lines) rather than eight columns to
 * scroll through: what happened, to whom and why must be readable at once. Table semantics stay.
 */
const CELL =
  "px-3 py-2.5 max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-0.5 max-sm:before:w-20 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:tracking-wide max-sm:before:text-zinc-500 max-sm:before:uppercase max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-zinc-400";
/** Who proposed a four-eyes block that this event approved, rejected or carried out. */
function proposerName(details: Record<string, unknown>): string | null {
  const proposer = details.proposedBy;
  if (typeof proposer !== "object" || proposer === null || !("name" in proposer)) return null;
  return typeof proposer.name === "string" ? proposer.name : null;
}

const none = <span className="text-zinc-500 dark:text-zinc-400">—</span>;

function EventRow({ event }: { event: ActivityEvent }) {
  const proposer = proposerName(event.details);
  return (
    <tr className="border-b border-zinc-100 align-top last:border-0 max-sm:block max-sm:px-3 max-sm:py-2 dark:border-zinc-800">
      <td data-label="Time" className={`${CELL} whitespace-nowrap tabular-nums`}>
        <EventTime value={event.occurredAt} />
      </td>
      <td data-label="Analyst" className={CELL}>
        {/* Names and reasons are whatever was typed: always text, never markup. */}
        <div className="min-w-0">
          <div className="truncate" title={event.analyst.name}>
            {event.analyst.name}
          </div>
          {event.analyst.note && (
            <div className="text-xs text-zinc-500 dark:text-zinc-400">{event.analyst.note}</div>
          )}
          {proposer && (
            <div className="text-xs text-zinc-600 dark:text-zinc-300">Proposed by {proposer}</div>
          )}
        </div>
      </td>
      <td data-label="Action" className={CELL}>
        {event.actionLabel}
      </td>
      <td data-label="User" className={CELL}>
        <EventTarget target={event.target} />
      </td>
      <td data-label="Status" className={CELL}>
        <StatusTransition before={event.statusBefore} after={event.statusAfter} />
      </td>
      <td data-label="Reason" className={CELL}>
        <span className="min-w-0 break-words whitespace-pre-wrap">{event.reason ?? none}</span>
      </td>
      <td data-label="Outcome" className={CELL}>
        <OutcomeBadge outcome={event.outcome} title={outcomeMessage(event.details)} />
      </td>
      <td data-label="Code" className={`${CELL} font-mono text-xs break-all`}>
        {event.outcomeCode ?? none}
      </td>
    </tr>
  );
}

/** One page of the trail, newest first, as the server ordered it. */
export function ActivityTable({ events, stale }: ActivityTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {/* The inbox's loading bar: the rows stay readable while the next ones load. */}
      <div
        aria-hidden="true"
        className={`pointer-events-none sticky top-0 left-0 z-[3] h-0.5 w-full overflow-hidden ${stale ? "" : "invisible"}`}
      >
        <div className="h-full w-1/3 animate-[inbox-loading_1s_ease-in-out_infinite] bg-blue-600" />
      </div>
      <table
        aria-busy={stale}
        aria-label="Activity"
        className="w-full border-collapse text-left text-sm max-sm:block sm:table-fixed"
      >
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.label} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase max-sm:sr-only dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.label}
                scope="col"
                className="border-b border-zinc-200 px-3 py-2 font-semibold whitespace-nowrap dark:border-zinc-800"
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {events.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
