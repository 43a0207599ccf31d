import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type NoteRow, notes } from "@/lib/db/schema";

import { NOTE_EDIT_WINDOW_MS } from "./limits";

/** Internal notes on a user. Their author may edit or delete them for five minutes. */
export { NOTE_EDIT_WINDOW_MS, NOTE_MAX_LENGTH } from "./limits";

export interface NoteAuthor {
  id: string;
  name: string;
}

export type NoteChange =
  | { ok: true; note: NoteRow }
  | { ok: false; reason: "not_found" | "not_author" | "too_late" };

export function editableUntil(note: NoteRow): Date {
  return new Date(note.createdAt.getTime() + NOTE_EDIT_WINDOW_MS);
}

export async function addNote(
  db: Db,
  target: { userId: string; vendorData: string | null },
  author: NoteAuthor,
  body: string,
  now: Date,
): Promise<NoteRow> {
  const [row] = await db
    .insert(notes)
    .values({
      userId: target.userId,
      vendorData: target.vendorData,
      analystId: author.id,
      analystName: author.name,
      body,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("note not stored");
  return row;
}

export async function notesOf(db: Db, userId: string): Promise<NoteRow[]> {
  return db.select().from(notes).where(eq(notes.userId, userId)).orderBy(asc(notes.id));
}

export async function noteCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notes.userId, count: count() })
    .from(notes)
    .where(inArray(notes.userId, userIds))
    .groupBy(notes.userId);
  return new Map(rows.map((row) => [row.userId, Number(row.count)]));
}

/** Checks the author and the window, then applies `change` in the same transaction. */
async function changeNote(
  db: Db,
  id: number,
  authorId: string,
  now: Date,
  change: (tx: Db) => Promise<NoteRow | undefined>,
): Promise<NoteChange> {
  return db.transaction(async (tx) => {
    const [note] = await tx.select().from(notes).where(eq(notes.id, id)).for("update");
    if (!note) return { ok: false, reason: "not_found" };
    if (note.analystId !== authorId) return { ok: false, reason: "not_author" };
    if (now >= editableUntil(note)) return { ok: false, reason: "too_late" };
    const changed = await change(tx as unknown as Db);
    return changed ? { ok: true, note: changed } : { ok: false, reason: "not_found" };
  });
}

export function editNote(
  db: Db,
  id: number,
  authorId: string,
  body: string,
  now: Date,
): Promise<NoteChange> {
  return changeNote(db, id, authorId, now, async (tx) => {
    const [row] = await tx
      .update(notes)
      .set({ body, editedAt: now })
      .where(and(eq(notes.id, id)))
      .returning();
    return row;
  });
}

export function deleteNote(db: Db, id: number, authorId: string, now: Date): Promise<NoteChange> {
  return changeNote(db, id, authorId, now, async (tx) => {
    const [row] = await tx.delete(notes).where(eq(notes.id, id)).returning();
    return row;
  });
}
