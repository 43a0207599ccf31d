import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  addNote,
  deleteNote,
  editableUntil,
  editNote,
  NOTE_EDIT_WINDOW_MS,
  type NoteAuthor,
  noteCounts,
  notesOf,
} from "./notes";

const ANA: NoteAuthor = { id: "oidc:ana", name: "Ana" };
const BEN: NoteAuthor = { id: "oidc:ben", name: "Ben" };
const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60_000;

let next = 0;
const user = (vendorData: string | null = "vd") => {
  next += 1;
  return { userId: `internal-${next}`, vendorData: vendorData && `${vendorData}-${next}` };
};

describeEachDatabase("notes", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  it("the edit window is five minutes", () => {
    expect(NOTE_EDIT_WINDOW_MS).toBe(5 * MINUTE);
  });

  describe("adding and listing", () => {
    it("stores a note with its author and time, and lists a user's notes oldest first", async () => {
      const target = user();
      const first = await addNote(database.db, target, ANA, "Called the user", at(2 * MINUTE));
      // Written later, stamped earlier: the list keeps the order they were written in.
      const second = await addNote(database.db, target, BEN, "Documents look fine", T0);
      expect(first).toMatchObject({
        userId: target.userId,
        vendorData: target.vendorData,
        analystId: ANA.id,
        analystName: ANA.name,
        body: "Called the user",
        createdAt: at(2 * MINUTE),
        editedAt: null,
      });
      expect(typeof first.id).toBe("number");
      expect(second.id).toBeGreaterThan(first.id);

      const listed = await notesOf(database.db, target.userId);
      expect(listed).toEqual([first, second]);
      expect(listed.map((note) => [note.analystName, note.createdAt])).toEqual([
        [ANA.name, at(2 * MINUTE)],
        [BEN.name, T0],
      ]);
    });

    it("lists only the asked user's notes", async () => {
      const [mine, other] = [user(), user()];
      const note = await addNote(database.db, mine, ANA, "Mine", T0);
      await addNote(database.db, other, ANA, "Someone else's", T0);
      expect(await notesOf(database.db, mine.userId)).toEqual([note]);
      expect(await notesOf(database.db, user().userId)).toEqual([]);
    });

    it("keeps notes on users without vendor_data", async () => {
      const target = user(null);
      const note = await addNote(database.db, target, ANA, "No vendor data", T0);
      expect(note.vendorData).toBeNull();
      expect(await notesOf(database.db, target.userId)).toEqual([note]);
    });

    it("stores the text verbatim, markup and all", async () => {
      const target = user();
      const bodies = [
        "<script>alert(1)</script>",
        "Robert'); DROP TABLE notes;--",
        '  two\nlines, a tab\there, émojis 🧾 and "quotes"  ',
      ];
      for (const body of bodies) await addNote(database.db, target, ANA, body, T0);
      const listed = await notesOf(database.db, target.userId);
      expect(listed.map((note) => note.body)).toEqual(bodies);
    });

    it("counts notes per user, leaving out users without any", async () => {
      const [a, b, none] = [user(), user(), user()];
      for (let n = 0; n < 3; n++) await addNote(database.db, a, ANA, `a${n}`, T0);
      await addNote(database.db, b, BEN, "b", T0);
      const counts = await noteCounts(database.db, [a.userId, b.userId, none.userId]);
      expect(counts).toEqual(
        new Map([
          [a.userId, 3],
          [b.userId, 1],
        ]),
      );
      expect(counts.get(none.userId)).toBeUndefined();
      expect(await noteCounts(database.db, [])).toEqual(new Map());
    });
  });

  describe("editing", () => {
    it("lets the author edit within five minutes, marking when", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "Frist draft", T0);
      const edited = await editNote(database.db, note.id, ANA.id, "First draft", at(4 * MINUTE));
      expect(edited).toEqual({
        ok: true,
        note: { ...note, body: "First draft", editedAt: at(4 * MINUTE) },
      });
      expect(await notesOf(database.db, target.userId)).toEqual([
        { ...note, body: "First draft", editedAt: at(4 * MINUTE) },
      ]);
    });

    it("refuses an edit by anyone but the author, changing nothing", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "Ana's note", T0);
      expect(await editNote(database.db, note.id, BEN.id, "Ben's now", at(SECOND))).toEqual({
        ok: false,
        reason: "not_author",
      });
      expect(await notesOf(database.db, target.userId)).toEqual([note]);
    });

    it("refuses an edit once the five minutes are up, changing nothing", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "Too late", T0);
      expect(editableUntil(note)).toEqual(at(5 * MINUTE));
      // The last moment inside the window, then the window's end.
      expect(await editNote(database.db, note.id, ANA.id, "Just in", at(5 * MINUTE - 1))).toEqual(
        expect.objectContaining({ ok: true }),
      );
      for (const when of [at(5 * MINUTE), at(60 * MINUTE)]) {
        expect(await editNote(database.db, note.id, ANA.id, "Changed", when)).toEqual({
          ok: false,
          reason: "too_late",
        });
      }
      const [stored] = await notesOf(database.db, target.userId);
      expect(stored?.body).toBe("Just in");
    });

    it("an edit does not move the window", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "v1", T0);
      await editNote(database.db, note.id, ANA.id, "v2", at(4 * MINUTE));
      expect(await editNote(database.db, note.id, ANA.id, "v3", at(6 * MINUTE))).toEqual({
        ok: false,
        reason: "too_late",
      });
    });

    it("answers not_found for a note that does not exist", async () => {
      expect(await editNote(database.db, 987_654_321, ANA.id, "x", T0)).toEqual({
        ok: false,
        reason: "not_found",
      });
    });
  });

  describe("deleting", () => {
    it("lets the author delete within five minutes", async () => {
      const target = user();
      const keep = await addNote(database.db, target, BEN, "Keep", T0);
      const note = await addNote(database.db, target, ANA, "Oops", T0);
      expect(await deleteNote(database.db, note.id, ANA.id, at(4 * MINUTE))).toEqual({
        ok: true,
        note,
      });
      expect(await notesOf(database.db, target.userId)).toEqual([keep]);
      expect(await noteCounts(database.db, [target.userId])).toEqual(new Map([[target.userId, 1]]));
      // Gone: a second delete finds nothing.
      expect(await deleteNote(database.db, note.id, ANA.id, at(4 * MINUTE))).toEqual({
        ok: false,
        reason: "not_found",
      });
    });

    it("refuses a delete by anyone but the author", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "Ana's", T0);
      expect(await deleteNote(database.db, note.id, BEN.id, at(SECOND))).toEqual({
        ok: false,
        reason: "not_author",
      });
      expect(await notesOf(database.db, target.userId)).toEqual([note]);
    });

    it("refuses a delete once the five minutes are up", async () => {
      const target = user();
      const note = await addNote(database.db, target, ANA, "Stays", T0);
      expect(await deleteNote(database.db, note.id, ANA.id, at(5 * MINUTE))).toEqual({
        ok: false,
        reason: "too_late",
      });
      expect(await notesOf(database.db, target.userId)).toEqual([note]);
    });
  });
});
