import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Comparing digests keeps the comparison constant-time whatever the lengths. */
export function passcodeMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const signInBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(100, "A name of at most 100 characters, please."),
  passcode: z.string().min(1, "Enter the passcode.").max(500, "That passcode is too long."),
});
