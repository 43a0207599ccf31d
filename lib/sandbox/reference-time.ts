import * as z from "zod";
import { parseIsoDateTime } from "./iso-time";

const DAY_MS = 86_400_000;
// Generated records reach two years before the reference; keeping it between these bounds keeps
// every timestamp in four-digit years after the epoch, which is all Didit's wire format shows.
const EARLIEST = Date.UTC(1972, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** 00:00 UTC of the day `now` falls on. */
export function utcMidnight(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS) * DAY_MS;
}

/**
 * The value of the `SANDBOX_REFERENCE_TIME` setting: an ISO 8601 date (`2026-11-01`, that day's
 * 00:00 UTC) or date-time (`2026-11-01T08:00:00Z`; without an offset it is UTC), parsed to epoch
 * milliseconds. It pins the sandbox's "now", so tests and screenshots see fixed dates.
 * Messages never repeat the value: they end up in logs next to the variable's name.
 */
export const sandboxReferenceTimeSchema = z.string().transform((value, ctx) => {
  const ms = parseIsoDateTime(value);
  if (ms === null) {
    ctx.addIssue("must be an ISO 8601 date (2026-11-01) or date-time (2026-11-01T08:00:00Z)");
    return z.NEVER;
  }
  if (ms < EARLIEST || ms > LATEST) {
    ctx.addIssue("must be between 1972-01-01 and 9999-12-31");
    return z.NEVER;
  }
  return ms;
});

/**
 * The instant the built-in dataset is generated relative to: the setting when it is given (blank
 * counts as unset, as for every other variable), else 00:00 UTC of `now`'s day. Midnight rather
 * than `now` itself keeps the data the same for everyone who starts a server that day.
 * Throws an error naming the variable, never its value.
 */
export function sandboxReferenceDay(now: Date, setting?: string): number {
  if (setting === undefined || setting.trim() === "") return utcMidnight(now);
  const parsed = sandboxReferenceTimeSchema.safeParse(setting);
  if (!parsed.success) {
    throw new Error(`SANDBOX_REFERENCE_TIME ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  }
  return parsed.data;
}
