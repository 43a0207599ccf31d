"use client";

import { useQuery } from "@tanstack/react-query";
import { OutcomeBadge, outcomeMessage } from "@/components/activity/outcome-badge";
import { notesQueryOptions } from "@/components/teamwork/teamwork-queries";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { useNow } from "@/components/ui/now";
import { formatUtc, RelativeTime } from "@/components/ui/relative-time";
import { humanizeKey } from "@/components/ui/tones";
import { apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ActivityEvent, NoteInfo, UserActivity } from "@/lib/api/types";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { InboxUser, UserComment } from "@/lib/didit/types";
import { userDetailQueryOptions } from "@/lib/inbox/user-detail-query";
import { DetailSection } from "./detail-section";

/** One line of the merged timeline, whichever side it came from. */
interface HistoryEntry {
  key: string;
  source: "Inbox" | "Didit" | "Note";
  at: string | null;
  title: string;
  before: string | null;
  after: string | null;
  text: string | null;
  who: string | null;
  outcome: string | null;
  failure: string | null;
}

function fromEvent(event: ActivityEvent): HistoryEntry {
  return {
    key: `inbox-${event.id}`,
    source: "Inbox",
    at: event.occurredAt,
    title: event.actionLabel,
    before: event.statusBefore,
    after: event.statusAfter,
    text: event.reason,
    who: event.analyst.name,
    outcome: event.outcome,
    failure:
      event.outcome === "failed" || event.outcome === "unknown"
        ? (outcomeMessage(event.details) ?? event.outcomeCode)
        : null,
  };
}

function fromNote(note: NoteInfo): HistoryEntry {
  return {
    key: `note-${note.id}`,
    source: "Note",
    at: note.createdAt,
    title: note.editedAt ? "Note (edited)" : "Note",
    before: null,
    after: null,
    text: note.body,
    who: note.analyst.name,
    outcome: null,
    failure: null,
  };
}

function fromComment(comment: UserComment, index: number): HistoryEntry {
  const statusChange = comment.kind === "STATUS_CHANGED" || comment.newStatus !== undefined;
  return {
    key: `didit-${index}`,
    source: "Didit",
    at: comment.created_at ?? null,
    title: statusChange ? "Status change" : comment.kind ? humanizeKey(comment.kind) : "Comment",
    before: comment.previousStatus ?? null,
    after: comment.newStatus ?? null,
    text: comment.text === "" ? null : comment.text,
    who: comment.author ?? null,
    outcome: null,
    failure: null,
  };
}

/**
 * A decision is two events on the trail: the intent (pending) and the outcome that settles it.
 * The timeline shows the decision once, as it ended; an intent with no outcome stays (pending).
 */
function settledEvents(events: ActivityEvent[]): ActivityEvent[] {
  const settled = new Set(
    events.flatMap((event) => (event.intentId === null ? [] : [event.intentId])),
  );
  return events.filter((event) => !settled.has(event.id));
}

/**
 * Newest first; entries without a time (some Didit comments) keep their order, at the end. A
 * note stands for its own "Added a note" on the trail; edits and deletions stay as events.
 */
function mergeHistory(
  events: ActivityEvent[],
  comments: UserComment[],
  notes: NoteInfo[],
): HistoryEntry[] {
  const entries = [
    ...settledEvents(events)
      .filter((event) => event.action !== AUDIT_ACTIONS.noteAdded)
      .map(fromEvent),
    ...comments.map(fromComment),
    ...notes.map(fromNote),
  ];
  const time = (entry: HistoryEntry) => (entry.at === null ? Number.NaN : Date.parse(entry.at));
  return entries.sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    // Undated after dated; two undated keep their order (the sort is stable).
    if (Number.isNaN(ta) || Number.isNaN(tb))
      return Number(Number.isNaN(ta)) - Number(Number.isNaN(tb));
    return tb - ta;
  });
}

/** Relative time needs the inbox's shared clock; without one, say the moment itself. */
function When({ at }: { at: string | null }) {
  const now = useNow();
  if (at === null) return <span>time unknown</span>;
  if (now === 0) return <LocalTime value={at} />;
  // The shared clock ticks every 30 s, so the event this very opening recorded can be newer
  // than it: "just now", not "in 1 second".
  if (Date.parse(at) > now) {
    return (
      <time dateTime={at} title={formatUtc(at)}>
        just now
      </time>
    );
  }
  return <RelativeTime value={at} />;
}

const SOURCE_TONES = { Inbox: "info", Didit: "neutral", Note: "warning" } as const;

function EntryLine({ entry }: { entry: HistoryEntry }) {
  const transition =
    entry.before !== null || entry.after !== null
      ? ` ${entry.before ?? "?"} → ${entry.after ?? "?"}`
      : "";
  return (
    <li className="rounded-md bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium">
          {entry.title}
          {transition}
        </span>
        {entry.outcome !== null && entry.outcome !== "done" && (
          <OutcomeBadge outcome={entry.outcome} />
        )}
      </div>
      {/* Reasons, comments and names are whatever was typed: always text, never markup. */}
      {entry.text !== null && (
        <p className="mt-1 break-words whitespace-pre-wrap">“{entry.text}”</p>
      )}
      {entry.failure !== null && (
        <p className="mt-1 text-red-800 dark:text-red-300">
          {entry.outcome === "unknown" ? "Outcome unknown" : "Failed"}: {entry.failure}
        </p>
      )}
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {entry.who ?? "Unknown author"} · <When at={entry.at} /> ·{" "}
        <Badge tone={SOURCE_TONES[entry.source]}>{entry.source}</Badge>
      </p>
    </li>
  );
}

function historyQueryOptions(user: InboxUser) {
  const search =
    user.vendorData === null ? "" : `?${new URLSearchParams({ vendorData: user.vendorData })}`;
  return {
    queryKey: queryKeys.users.history(user.id),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiFetch<UserActivity>(`/api/activity/users/${encodeURIComponent(user.id)}${search}`, {
        signal,
      }),
    // Each request records "opened this user" on the trail: fetch once per opening, not again
    // on every focus of the tab or reconnect.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  } as const;
}

/**
 * One timeline of everything that happened to a user: the inbox's own trail (decisions, who
 * opened them), the analysts' internal notes, and the comments Didit keeps (its status changes
 * and notes), marked by source.
 */
export function HistorySection({ user }: { user: InboxUser }) {
  const history = useQuery(historyQueryOptions(user));
  // The same query as the Notes section above: one request for both.
  const notes = useQuery(notesQueryOptions(user.id));
  const detail = useQuery({
    ...userDetailQueryOptions(user.vendorData ?? ""),
    enabled: user.vendorData !== null,
  });
  const title = "History (newest first)";

  if (history.isPending || (user.vendorData !== null && detail.isPending)) {
    return (
      <DetailSection title={title}>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading history…
        </p>
      </DetailSection>
    );
  }

  const entries = mergeHistory(
    history.data?.events ?? [],
    user.vendorData !== null ? (detail.data?.comments ?? []) : [],
    notes.data?.notes ?? [],
  );
  // One side failing still shows the other, with a word about what is missing.
  const errors = [
    history.isError && `The inbox's history could not be loaded: ${history.error.message}`,
    detail.isError && `Didit's comments could not be loaded: ${detail.error.message}`,
  ].filter((message): message is string => typeof message === "string");

  return (
    <DetailSection title={title}>
      {errors.map((message) => (
        <p key={message} role="alert" className="mb-2 text-sm text-red-800 dark:text-red-300">
          {message}
        </p>
      ))}
      {entries.length === 0 ? (
        errors.length === 0 && (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No history yet.</p>
        )
      ) : (
        <ol className="space-y-2">
          {entries.map((entry) => (
            <EntryLine key={entry.key} entry={entry} />
          ))}
        </ol>
      )}
    </DetailSection>
  );
}
