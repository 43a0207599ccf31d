import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { NOTE_MAX_LENGTH } from "./limits";
import {
  addNoteSchema,
  claimRequestSchema,
  editNoteSchema,
  idListSchema,
  noteIdSchema,
  reviewSchema,
  userIdSchema,
} from "./requests";

/** The first issue's path and message, or null when the value parses. */
function problem(schema: z.ZodType, value: unknown): { path: string; message: string } | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const [issue] = result.error.issues;
  return { path: (issue?.path ?? []).join("."), message: issue?.message ?? "" };
}

const UUID = "3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c0d";

describe("userIdSchema", () => {
  it("accepts didit_internal_ids, trimmed", () => {
    expect(userIdSchema.parse(UUID)).toBe(UUID);
    expect(userIdSchema.parse("user_42-A")).toBe("user_42-A");
    expect(userIdSchema.parse(`  ${UUID}\n`)).toBe(UUID);
    expect(userIdSchema.parse("a".repeat(100))).toBe("a".repeat(100));
  });

  it("refuses anything else", () => {
    for (const bad of [
      "",
      "   ",
      "a".repeat(101),
      "a b",
      "../etc/passwd",
      "a,b",
      "id;drop",
      "<script>",
      "ünïcode",
      "id%20",
    ]) {
      expect(problem(userIdSchema, bad), JSON.stringify(bad)).toEqual({
        path: "",
        message: "must be a user's didit_internal_id",
      });
    }
    expect(problem(userIdSchema, undefined)?.message).toBe("is required");
    expect(problem(userIdSchema, 42)).not.toBeNull();
  });
});

describe("claimRequestSchema", () => {
  it("accepts a claim, with takeOver false unless asked", () => {
    expect(claimRequestSchema.parse({ userId: UUID, vendorData: "user-1" })).toEqual({
      userId: UUID,
      vendorData: "user-1",
      takeOver: false,
    });
    expect(claimRequestSchema.parse({ userId: UUID, vendorData: null, takeOver: true })).toEqual({
      userId: UUID,
      vendorData: null,
      takeOver: true,
    });
  });

  it("refuses a bad user id, a missing or bad vendorData, a non-boolean takeOver", () => {
    expect(problem(claimRequestSchema, { userId: "no good", vendorData: null })?.path).toBe(
      "userId",
    );
    expect(problem(claimRequestSchema, { vendorData: null })).toEqual({
      path: "userId",
      message: "is required",
    });
    // vendorData must be said, even when null.
    expect(problem(claimRequestSchema, { userId: UUID })?.path).toBe("vendorData");
    expect(problem(claimRequestSchema, { userId: UUID, vendorData: "" })?.path).toBe("vendorData");
    expect(problem(claimRequestSchema, { userId: UUID, vendorData: "v".repeat(201) })?.path).toBe(
      "vendorData",
    );
    expect(
      problem(claimRequestSchema, { userId: UUID, vendorData: null, takeOver: "yes" })?.path,
    ).toBe("takeOver");
  });
});

describe("note bodies", () => {
  it("accepts a note up to the limit, trimmed, and keeps markup as it is", () => {
    expect(NOTE_MAX_LENGTH).toBe(2000);
    const longest = "x".repeat(NOTE_MAX_LENGTH);
    expect(addNoteSchema.parse({ userId: UUID, vendorData: null, body: longest }).body).toBe(
      longest,
    );
    // The limit counts what is kept: surrounding whitespace is trimmed first.
    expect(editNoteSchema.parse({ body: `  ${longest}  ` }).body).toBe(longest);
    expect(editNoteSchema.parse({ body: "<script>alert(1)</script>" }).body).toBe(
      "<script>alert(1)</script>",
    );
    expect(editNoteSchema.parse({ body: "line one\nline two" }).body).toBe("line one\nline two");
  });

  it("refuses a note over 2000 characters", () => {
    const body = "x".repeat(NOTE_MAX_LENGTH + 1);
    expect(problem(addNoteSchema, { userId: UUID, vendorData: "v", body })).toEqual({
      path: "body",
      message: "must be at most 2000 characters",
    });
    expect(problem(editNoteSchema, { body })?.message).toBe("must be at most 2000 characters");
  });

  it("refuses an empty or blank note, or none", () => {
    for (const body of ["", "   ", "\n\t"]) {
      expect(problem(editNoteSchema, { body })).toEqual({
        path: "body",
        message: "must not be empty",
      });
      expect(problem(addNoteSchema, { userId: UUID, vendorData: null, body })?.path).toBe("body");
    }
    expect(problem(editNoteSchema, {})).toEqual({ path: "body", message: "is required" });
    expect(problem(editNoteSchema, { body: 5 })?.path).toBe("body");
  });

  it("refuses a note on a bad user id", () => {
    expect(problem(addNoteSchema, { userId: "a/b", vendorData: null, body: "Hi" })?.path).toBe(
      "userId",
    );
  });
});

describe("noteIdSchema", () => {
  it("accepts positive integers, as path segments carry them", () => {
    expect(noteIdSchema.parse("1")).toBe(1);
    expect(noteIdSchema.parse("987654321")).toBe(987_654_321);
    expect(noteIdSchema.parse(12)).toBe(12);
  });

  it("refuses anything else", () => {
    for (const bad of ["0", "-1", "1.5", "abc", "", "9007199254740993", "1e400"]) {
      expect(problem(noteIdSchema, bad), bad).toEqual({ path: "", message: "must be a note id" });
    }
  });
});

describe("reviewSchema", () => {
  it("accepts an approval, and a rejection with its reason, trimmed", () => {
    expect(reviewSchema.parse({ action: "approve" })).toEqual({ action: "approve" });
    expect(reviewSchema.parse({ action: "reject", reason: "  Document is genuine " })).toEqual({
      action: "reject",
      reason: "Document is genuine",
    });
  });

  it("refuses a rejection without a reason, or with too short or too long a one", () => {
    expect(problem(reviewSchema, { action: "reject" })).toEqual({
      path: "reason",
      message: "is required",
    });
    expect(problem(reviewSchema, { action: "reject", reason: "  no " })).toEqual({
      path: "reason",
      message: "must be at least 3 characters",
    });
    expect(problem(reviewSchema, { action: "reject", reason: "r".repeat(1001) })).toEqual({
      path: "reason",
      message: "must be at most 1000 characters",
    });
  });

  it("refuses any other action", () => {
    for (const body of [{ action: "approved" }, { action: "delete" }, {}, { reason: "because" }]) {
      expect(problem(reviewSchema, body)?.message).toBe('must be "approve" or "reject"');
    }
  });
});

describe("idListSchema", () => {
  it("splits, trims and de-duplicates ids, dropping empty ones", () => {
    expect(idListSchema.parse(`a, b ,,a,${UUID},`)).toEqual(["a", "b", UUID]);
    expect(idListSchema.parse("")).toEqual([]);
  });

  it("accepts 200 ids and refuses 201", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);
    expect(idListSchema.parse(ids(200).join(","))).toHaveLength(200);
    expect(problem(idListSchema, ids(201).join(","))).toEqual({
      path: "",
      message: "at most 200 ids",
    });
    // Duplicates do not count twice.
    expect(idListSchema.parse([...ids(200), ...ids(200)].join(","))).toHaveLength(200);
  });

  it("refuses a list with a bad id, naming where it is", () => {
    expect(problem(idListSchema, "good,not good,also-good")).toEqual({
      path: "1",
      message: "must be a user's didit_internal_id",
    });
    expect(problem(idListSchema, undefined)?.message).toBe("is required");
  });
});
