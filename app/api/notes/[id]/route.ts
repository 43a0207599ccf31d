import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { Analyst } from "@/lib/auth/session";
import type { NoteRow } from "@/lib/db/schema";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { apiError, invalidQuery, json } from "@/lib/http/responses";
import { announce } from "@/lib/live/server";
import { deleteNote, editNote, type NoteChange } from "@/lib/teamwork/notes";
import { noteInfo } from "@/lib/teamwork/present";
import { editNoteSchema, noteIdSchema } from "@/lib/teamwork/requests";
import { audit, noteDigest, store } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

const REFUSALS = {
  not_found: () => apiError("not_found", "There is no such note."),
  not_author: () => apiError("not_author", "Only the note's author can change it."),
  too_late: () =>
    apiError("edit_window_closed", "A note can be changed only in its first 5 minutes."),
} as const;

async function announced(
  analyst: Analyst,
  note: NoteRow,
  action: "edited" | "deleted",
): Promise<void> {
  await announce("note", {
    userIds: [note.userId],
    action,
    analyst: { id: analyst.id, name: analyst.name },
  });
}

function refused(change: Extract<NoteChange, { ok: false }>) {
  return REFUSALS[change.reason]();
}

/** `PATCH /api/notes/{id}`: the author edits a note, within 5 minutes of writing it. */
export const PATCH = apiRoute<Params>(
  { name: "/api/notes/[id]", checkOrigin: true, role: "reviewer" },
  async ({ request, params, analyst, requestId }) => {
    const id = noteIdSchema.safeParse(params.id);
    if (!id.success) return invalidQuery({ id: "must be a note id" });
    const body = await readJsonBody(request, editNoteSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("an edit needs a signed-in analyst");
    const now = new Date();
    const change = await editNote(await store(), id.data, analyst.id, body.data.body, now);
    if (!change.ok) return refused(change);
    const { note } = change;
    await audit(analyst, AUDIT_ACTIONS.noteEdited, {
      targetInternalId: note.userId,
      targetVendorData: note.vendorData,
      requestId,
      details: { noteId: note.id, length: note.body.length, digest: noteDigest(note.body) },
    });
    await announced(analyst, note, "edited");
    return json({ note: noteInfo(note, analyst.id, now) });
  },
);

/** `DELETE /api/notes/{id}`: the author deletes a note, within 5 minutes of writing it. */
export const DELETE = apiRoute<Params>(
  { name: "/api/notes/[id]", checkOrigin: true, role: "reviewer" },
  async ({ params, analyst, requestId }) => {
    const id = noteIdSchema.safeParse(params.id);
    if (!id.success) return invalidQuery({ id: "must be a note id" });
    if (!analyst) throw new Error("a deletion needs a signed-in analyst");
    const change = await deleteNote(await store(), id.data, analyst.id, new Date());
    if (!change.ok) return refused(change);
    const { note } = change;
    await audit(analyst, AUDIT_ACTIONS.noteDeleted, {
      targetInternalId: note.userId,
      targetVendorData: note.vendorData,
      requestId,
      details: { noteId: note.id, digest: noteDigest(note.body) },
    });
    await announced(analyst, note, "deleted");
    return json({ deleted: true });
  },
);
