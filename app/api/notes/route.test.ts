import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  type Answer,
  apiRequest,
  auditedDuring,
  call,
  configure,
  type FakeDidit,
  installDatabase,
  MINUTE,
  type RouteHandler,
  rowsOf,
  signIn,
  type TestAnalyst,
  uninstallDatabase,
  withClockShiftedBy,
} from "@/lib/testing/teamwork-routes";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

type Params = { id: string };
let upstream: FakeDidit;
let list: RouteHandler;
let add: RouteHandler;
let edit: RouteHandler<Params>;
let remove: RouteHandler<Params>;

beforeAll(async () => {
  upstream = await configure();
  const collection = (await import("./route")) as unknown as Record<string, RouteHandler>;
  const one = (await import("./[id]/route")) as unknown as Record<string, RouteHandler<Params>>;
  list = collection.GET as RouteHandler;
  add = collection.POST as RouteHandler;
  edit = one.PATCH as RouteHandler<Params>;
  remove = one.DELETE as RouteHandler<Params>;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

const notesFor = (who: TestAnalyst | null, user: string) =>
  call(who, list, apiRequest(`/api/notes?user=${encodeURIComponent(user)}`));

const addNote = (
  who: TestAnalyst | null,
  body: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => call(who, add, apiRequest("/api/notes", { method: "POST", body, headers }));

const editNote = (who: TestAnalyst | null, id: number | string, body: unknown) =>
  call(who, edit, apiRequest(`/api/notes/${id}`, { method: "PATCH", body }), { id: String(id) });

const deleteNote = (
  who: TestAnalyst | null,
  id: number | string,
  headers?: Record<string, string>,
) =>
  call(who, remove, apiRequest(`/api/notes/${id}`, { method: "DELETE", headers }), {
    id: String(id),
  });

const stored = async (id: number) => (await rowsOf("notes")).find((row) => row.id === id) ?? null;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describeEachDatabase("the notes routes", (kind) => {
  let ana: TestAnalyst;
  let bo: TestAnalyst;
  let vic: TestAnalyst;

  beforeAll(async () => {
    await installDatabase(kind);
    ana = await signIn("Ana Analyst");
    bo = await signIn("Bo Reviewer");
    vic = await signIn("Vic Viewer", "viewer");
  });

  /** A fresh note by `who` on a user of its own; its id. */
  async function noteBy(who: TestAnalyst, text = "Checked the utility bill"): Promise<number> {
    const user = `u-${Math.random().toString(36).slice(2, 10)}`;
    const answer = await addNote(who, { userId: user, vendorData: `vd-${user}`, body: text });
    expect(answer.status).toBe(201);
    return answer.body.note.id as number;
  }

  describe("POST and GET /api/notes", () => {
    it("adds a note (201, trimmed) that everyone then lists with its author, oldest first", async () => {
      const first = await addNote(ana, {
        userId: "u-1",
        vendorData: "user-1",
        body: "  Called the bank; awaiting the statement.  ",
      });
      expect(first.status).toBe(201);
      expect(first.body.note).toMatchObject({
        userId: "u-1",
        analyst: { id: ana.id, name: "Ana Analyst" },
        body: "Called the bank; awaiting the statement.",
        editedAt: null,
      });
      const { createdAt, editableUntil } = first.body.note as {
        createdAt: string;
        editableUntil: string;
      };
      expect(Date.parse(editableUntil) - Date.parse(createdAt)).toBe(5 * MINUTE);
      const second = await addNote(bo, { userId: "u-1", vendorData: "user-1", body: "Seen." });
      expect(second.status).toBe(201);
      await addNote(bo, { userId: "u-other", vendorData: "user-other", body: "Elsewhere" });

      const asBo = await notesFor(bo, "u-1");
      expect(asBo.status).toBe(200);
      expect(
        asBo.body.notes.map((note: { body: string; analyst: { name: string } }) => [
          note.analyst.name,
          note.body,
        ]),
      ).toEqual([
        ["Ana Analyst", "Called the bank; awaiting the statement."],
        ["Bo Reviewer", "Seen."],
      ]);
      // Only the author is offered the edit window.
      expect(asBo.body.notes[0].editableUntil).toBeNull();
      expect(asBo.body.notes[1].editableUntil).toEqual(expect.any(String));
      // A viewer reads notes too.
      const asViewer = await notesFor(vic, "u-1");
      expect(asViewer.status).toBe(200);
      expect(asViewer.body.notes).toHaveLength(2);
      expect(upstream.requests).toHaveLength(0);
    });

    it("lists nothing for a user without notes", async () => {
      expect(await notesFor(ana, "u-nobody")).toEqual({ status: 200, body: { notes: [] } });
    });

    it("takes 2,000 characters and refuses 2,001, or an empty note, with 400 and stores nothing", async () => {
      const before = (await rowsOf("notes")).length;
      const audited = await auditedDuring(async () => {
        for (const body of ["x".repeat(2001), "   ", ""]) {
          const answer = await addNote(ana, { userId: "u-long", vendorData: "user-long", body });
          expect(answer.status).toBe(400);
          expect(answer.body.error).toMatchObject({
            code: "invalid_body",
            fields: { body: expect.any(String) },
          });
        }
        const missing = await addNote(ana, { userId: "u-long", vendorData: "user-long" });
        expect(missing.status).toBe(400);
        const badUser = await addNote(ana, { userId: "a b", vendorData: "x", body: "Hi there" });
        expect(Object.keys(badUser.body.error.fields)).toEqual(["userId"]);
      });
      expect(audited).toHaveLength(0);
      expect(await rowsOf("notes")).toHaveLength(before);
      const longest = await addNote(ana, {
        userId: "u-long",
        vendorData: "user-long",
        body: "y".repeat(2000),
      });
      expect(longest.status).toBe(201);
      expect(longest.body.note.body).toHaveLength(2000);
    });

    it("refuses a viewer's note (403), a cross-origin one (403) and an anonymous one (401)", async () => {
      const note = { userId: "u-refused", vendorData: "user-refused", body: "Should not land" };
      const viewer = await addNote(vic, note);
      expect(viewer.status).toBe(403);
      expect(viewer.body.error.code).toBe("forbidden_role");
      const evil = await addNote(ana, note, { origin: "https://evil.example" });
      expect(evil.status).toBe(403);
      expect(evil.body.error.code).toBe("forbidden_origin");
      expect((await addNote(null, note)).status).toBe(401);
      expect((await notesFor(null, "u-1")).status).toBe(401);
      expect((await notesFor(ana, "u-refused")).body.notes).toEqual([]);
    });

    it("refuses a listing without a valid ?user", async () => {
      const answer = await call(ana, list, apiRequest("/api/notes"));
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toHaveProperty("user");
      expect((await notesFor(ana, "../x")).status).toBe(400);
    });
  });

  describe("PATCH and DELETE /api/notes/{id}", () => {
    it("the author edits within five minutes: 200, edited, and the new text listed", async () => {
      const id = await noteBy(ana, "First draft");
      const answer = await withClockShiftedBy(4 * MINUTE, () =>
        editNote(ana, id, { body: "Second draft" }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body.note).toMatchObject({ id, body: "Second draft" });
      expect(answer.body.note.editedAt).toEqual(expect.any(String));
      expect(await stored(id)).toMatchObject({ body: "Second draft" });
    });

    it("another analyst may neither edit nor delete it: 403 not_author, the note unchanged", async () => {
      const id = await noteBy(ana, "Ana's own words");
      const audited = await auditedDuring(async () => {
        const edited = await editNote(bo, id, { body: "Bo was here" });
        expect(edited.status).toBe(403);
        expect(edited.body.error.code).toBe("not_author");
        const deleted = await deleteNote(bo, id);
        expect(deleted.status).toBe(403);
        expect(deleted.body.error.code).toBe("not_author");
      });
      expect(audited).toHaveLength(0);
      expect(await stored(id)).toMatchObject({ body: "Ana's own words", editedAt: null });
    });

    it("after five minutes even the author cannot: 409 edit_window_closed", async () => {
      const id = await noteBy(ana, "Too late to change");
      const audited = await auditedDuring(() =>
        withClockShiftedBy(5 * MINUTE, async () => {
          const edited = await editNote(ana, id, { body: "Changed anyway" });
          expect(edited.status).toBe(409);
          expect(edited.body.error.code).toBe("edit_window_closed");
          const deleted = await deleteNote(ana, id);
          expect(deleted.status).toBe(409);
          expect(deleted.body.error.code).toBe("edit_window_closed");
          // And the listing no longer offers it.
          const listed = await notesFor(ana, (await stored(id))?.userId ?? "");
          expect(listed.body.notes[0].editableUntil).toBeNull();
        }),
      );
      expect(audited).toHaveLength(0);
      expect(await stored(id)).toMatchObject({ body: "Too late to change", editedAt: null });
    });

    it("the author deletes it: 200, gone from the listing, and a second delete is 404", async () => {
      const id = await noteBy(ana, "Delete me");
      const userId = (await stored(id))?.userId ?? "";
      expect(await deleteNote(ana, id)).toEqual({ status: 200, body: { deleted: true } });
      expect(await stored(id)).toBeNull();
      expect((await notesFor(ana, userId)).body.notes).toEqual([]);
      const again = await deleteNote(ana, id);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe("not_found");
      expect((await editNote(ana, id, { body: "Back?" })).status).toBe(404);
    });

    it("refuses a bad id or body with 400, a viewer with 403, another origin with 403", async () => {
      const id = await noteBy(ana, "Stays as it is");
      for (const bad of ["abc", "0", "-1", "1.5"]) {
        const answer = await editNote(ana, bad, { body: "x" });
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields).toHaveProperty("id");
        expect((await deleteNote(ana, bad)).status).toBe(400);
      }
      const tooLong = await editNote(ana, id, { body: "z".repeat(2001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields).toHaveProperty("body");
      expect((await editNote(ana, id, { body: " " })).status).toBe(400);
      expect((await editNote(vic, id, { body: "Viewer edit" })).status).toBe(403);
      expect((await deleteNote(vic, id)).status).toBe(403);
      expect((await deleteNote(ana, id, { origin: "https://evil.example" })).status).toBe(403);
      expect(await stored(id)).toMatchObject({ body: "Stays as it is" });
    });
  });

  describe("the trail and the live events", () => {
    it("note.added, note.edited and note.deleted carry a digest and a length, never the text", async () => {
      const original = "Customer said: my passport number is X1234567";
      const revised = "Customer said: passport on file, see Didit";
      let id = 0;
      const audited = await auditedDuring(async () => {
        const added = await addNote(ana, {
          userId: "u-audit",
          vendorData: "user-audit",
          body: original,
        });
        id = added.body.note.id;
        expect((await editNote(ana, id, { body: revised })).status).toBe(200);
        expect((await deleteNote(ana, id)).status).toBe(200);
      });
      expect(audited.map((event) => event.action)).toEqual([
        "note.added",
        "note.edited",
        "note.deleted",
      ]);
      for (const event of audited) {
        expect(event).toMatchObject({
          analystId: ana.id,
          targetInternalId: "u-audit",
          targetVendorData: "user-audit",
          outcome: "done",
          reason: null,
        });
        const text = JSON.stringify(event);
        expect(text).not.toContain("passport");
        expect(text).not.toContain("Customer said");
      }
      expect(audited[0]?.details).toEqual({
        noteId: id,
        length: original.length,
        digest: sha256(original),
      });
      expect(audited[1]?.details).toEqual({
        noteId: id,
        length: revised.length,
        digest: sha256(revised),
      });
      expect(audited[2]?.details).toEqual({ noteId: id, digest: sha256(revised) });

      const announced = (await rowsOf("liveEvents")).slice(-3);
      expect(announced.map((event) => [event.kind, event.data.action])).toEqual([
        ["note", "added"],
        ["note", "edited"],
        ["note", "deleted"],
      ]);
      expect(JSON.stringify(announced)).not.toContain("passport");
    });
  });
});
