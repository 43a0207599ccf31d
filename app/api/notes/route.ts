import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { invalidQuery, json } from "@/lib/http/responses";
import { announce } from "@/lib/live/server";
import { addNote, notesOf } from "@/lib/teamwork/notes";
import { noteInfo } from "@/lib/teamwork/present";
import { addNoteSchema, userIdSchema } from "@/lib/teamwork/requests";
import { audit, noteDigest, store } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

/** `GET /api/notes?user=…`: a user's internal notes, oldest first. */
export const GET = apiRoute({ name: "/api/notes" }, async ({ request, analyst }) => {
  const user = userIdSchema.safeParse(request.nextUrl.searchParams.get("user") ?? undefined);
  if (!user.success) return invalidQuery({ user: user.error.issues[0]?.message ?? "invalid" });
  const now = new Date();
  const rows = await notesOf(await store(), user.data);
  return json({ notes: rows.map((row) => noteInfo(row, analyst?.id ?? "", now)) });
});

/** `POST /api/notes`: a new note, plain text up to 2,000 characters. */
export const POST = apiRoute(
  { name: "/api/notes", checkOrigin: true, role: "reviewer" },
  async ({ request, analyst, requestId }) => {
    const body = await readJsonBody(request, addNoteSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("a note needs a signed-in analyst");
    const now = new Date();
    const note = await addNote(
      await store(),
      { userId: body.data.userId, vendorData: body.data.vendorData },
      { id: analyst.id, name: analyst.name },
      body.data.body,
      now,
    );
    await audit(analyst, AUDIT_ACTIONS.noteAdded, {
      targetInternalId: note.userId,
      targetVendorData: note.vendorData,
      requestId,
      details: { noteId: note.id, length: note.body.length, digest: noteDigest(note.body) },
    });
    await announce("note", {
      userIds: [note.userId],
      action: "added",
      analyst: { id: analyst.id, name: analyst.name },
    });
    return json({ note: noteInfo(note, analyst.id, now) }, { status: 201 });
  },
);
