"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DetailSection } from "@/components/inbox/user-detail/detail-section";
import { buttonClasses, inputClasses, primaryButtonClasses } from "@/components/ui/field";
import { useNow } from "@/components/ui/now";
import { RelativeTime } from "@/components/ui/relative-time";
import { queryKeys } from "@/lib/api/query-keys";
import type { NoteInfo } from "@/lib/api/types";
import type { InboxUser } from "@/lib/didit/types";
import { NOTE_MAX_LENGTH } from "@/lib/teamwork/limits";
import { addNote, deleteNote, editNote, notesQueryOptions } from "./teamwork-queries";

function useRefreshNotes(userId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.teamwork.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.users.history(userId) });
  };
}

/**
 * Internal notes, kept by the inbox (Didit has none): plain text, shown as text, with author and
 * time. Their author may edit or delete them for five minutes.
 */
export function NotesSection({ user, canWrite }: { user: InboxUser; canWrite: boolean }) {
  const notes = useQuery(notesQueryOptions(user.id));
  const refresh = useRefreshNotes(user.id);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const boxId = useId();

  const submit = async (event: FormEvent | React.KeyboardEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (body.length === 0) return setProblem("Write the note first.");
    if (body.length > NOTE_MAX_LENGTH) {
      return setProblem(`Keep the note under ${NOTE_MAX_LENGTH} characters.`);
    }
    setPending(true);
    setProblem(null);
    try {
      await addNote({ id: user.id, vendorData: user.vendorData }, body);
      setDraft("");
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The note was not saved.");
    } finally {
      setPending(false);
      refresh();
    }
  };

  const list = notes.data?.notes ?? [];
  return (
    <DetailSection title={list.length > 0 ? `Notes (${list.length})` : "Notes"}>
      {notes.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Notes could not be loaded: {notes.error.message}
        </p>
      ) : list.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {notes.isPending ? "Loading notes…" : "No notes yet."}
        </p>
      ) : (
        <ol aria-label="Notes" className="space-y-2">
          {list.map((note) => (
            <NoteItem key={note.id} note={note} onChanged={refresh} />
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit} className="mt-3 space-y-2">
          <label htmlFor={boxId} className="block text-sm font-medium">
            Note
          </label>
          <textarea
            id={boxId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter adds it; Enter alone is a new line.
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void submit(event);
            }}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            className={`${inputClasses} w-full`}
            aria-describedby={`${boxId}-hint`}
          />
          <div className="flex items-center justify-between gap-2">
            <span id={`${boxId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
              Seen by every analyst. {draft.length}/{NOTE_MAX_LENGTH}
            </span>
            <button type="submit" className={primaryButtonClasses} disabled={pending}>
              Add note
            </button>
          </div>
          {problem && (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              {problem}
            </p>
          )}
        </form>
      )}
    </DetailSection>
  );
}

function NoteItem({ note, onChanged }: { note: NoteInfo; onChanged: () => void }) {
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = note.editableUntil !== null && now < Date.parse(note.editableUntil);

  const run = async (change: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await change();
      setEditing(false);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The note was not changed.");
    } finally {
      onChanged();
    }
  };

  return (
    <li className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span>
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{note.analyst.name}</span>{" "}
          <RelativeTime value={note.createdAt} />
          {note.editedAt && " (edited)"}
        </span>
        {editable && !editing && (
          <span className="flex gap-2">
            <button type="button" className="underline" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button
              type="button"
              className="underline"
              onClick={() => void run(() => deleteNote(note.id))}
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <div className="mt-1 space-y-1">
          <textarea
            aria-label="Edit note"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            className={`${inputClasses} w-full`}
          />
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClasses}
              onClick={() => void run(() => editNote(note.id, text))}
            >
              Save
            </button>
            <button type="button" className={buttonClasses} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        // Text, never markup: a note is whatever an analyst typed.
        <p className="mt-1 break-words whitespace-pre-wrap">{note.body}</p>
      )}
      {problem && (
        <p role="alert" className="mt-1 text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </li>
  );
}
