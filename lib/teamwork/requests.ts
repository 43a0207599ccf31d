import { z } from "zod";
import { REASON_MAX, REASON_MIN } from "@/lib/decisions/request";
import { NOTE_MAX_LENGTH } from "./limits";

/** Request bodies and parameters of the teamwork routes. */

/** A `didit_internal_id`, as the inbox's URLs carry it. */
export const userIdSchema = z
  .string({ error: "is required" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a user's didit_internal_id");

const vendorDataSchema = z.string().min(1).max(200).nullable();

export const claimRequestSchema = z.object({
  userId: userIdSchema,
  vendorData: vendorDataSchema,
  /** Take the claim from whoever holds it (the analyst was asked, and said yes). */
  takeOver: z.boolean().optional().default(false),
});

const noteBody = z
  .string({ error: "is required" })
  .trim()
  .min(1, "must not be empty")
  .max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`);

export const addNoteSchema = z.object({
  userId: userIdSchema,
  vendorData: vendorDataSchema,
  body: noteBody,
});

export const editNoteSchema = z.object({ body: noteBody });

export const noteIdSchema = z.coerce
  .number({ error: "must be a note id" })
  .int("must be a note id")
  .positive("must be a note id")
  .max(Number.MAX_SAFE_INTEGER, "must be a note id");

export const reviewSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("approve") }),
    z.object({
      action: z.literal("reject"),
      reason: z
        .string({ error: "is required" })
        .trim()
        .min(REASON_MIN, `must be at least ${REASON_MIN} characters`)
        .max(REASON_MAX, `must be at most ${REASON_MAX} characters`),
    }),
  ],
  { error: 'must be "approve" or "reject"' },
);

/** `?ids=a,b,c`: the users on screen, at most a page's worth. */
export const idListSchema = z
  .string({ error: "is required" })
  .transform((value) => [
    ...new Set(
      value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(userIdSchema).max(200, "at most 200 ids"));
