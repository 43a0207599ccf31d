import { describe, expect, it } from "vitest";
import { sandboxReferenceDay, sandboxReferenceTimeSchema, utcMidnight } from "./reference-time";

describe("sandboxReferenceDay", () => {
  it("is 00:00 UTC of the clock's day when the setting is unset or blank", () => {
    const now = new Date("2026-12-02T23:59:59.999Z");
    expect(sandboxReferenceDay(now)).toBe(Date.UTC(2026, 11, 2));
    expect(sandboxReferenceDay(now, "")).toBe(Date.UTC(2026, 11, 2));
    expect(sandboxReferenceDay(now, "  ")).toBe(Date.UTC(2026, 11, 2));
    expect(sandboxReferenceDay(new Date("2026-12-03T00:00:00Z"))).toBe(Date.UTC(2026, 11, 3));
  });

  it("uses the setting instead of the clock: a date at 00:00 UTC, a date-time as given", () => {
    const now = new Date("2030-01-01T12:00:00Z");
    expect(sandboxReferenceDay(now, "2026-11-01")).toBe(Date.UTC(2026, 10, 1));
    expect(sandboxReferenceDay(now, "2026-11-01T08:30:00Z")).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(sandboxReferenceDay(now, "2026-11-01T08:30:00+02:00")).toBe(
      Date.UTC(2026, 10, 1, 6, 30),
    );
  });

  it.each(["yesterday", "2026-02-30", "2026-13-01", "01/11/2026", "1970-01-01"])(
    "rejects %s with an error naming the variable but not the value",
    (value) => {
      expect(() => sandboxReferenceDay(new Date(), value)).toThrow(/^SANDBOX_REFERENCE_TIME must /);
      try {
        sandboxReferenceDay(new Date(), value);
      } catch (error) {
        expect(String(error)).not.toContain(value);
      }
    },
  );
});

describe("sandboxReferenceTimeSchema", () => {
  it("parses to epoch milliseconds, for the environment schema", () => {
    expect(sandboxReferenceTimeSchema.parse("2027-12-02")).toBe(Date.UTC(2027, 11, 2));
    const failed = sandboxReferenceTimeSchema.safeParse("2027-12-32");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/^must be an ISO 8601 date/);
  });
});

describe("utcMidnight", () => {
  it("does not depend on the process's time zone", () => {
    expect(utcMidnight(new Date("2026-12-02T00:30:00+05:00"))).toBe(Date.UTC(2026, 11, 1));
  });
});
