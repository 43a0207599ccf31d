import { describe, expect, it } from "vitest";
import { parseIsoDateTime, toWireDate, toWireTimestamp } from "./iso-time";

describe("toWireTimestamp / toWireDate", () => {
  it("match Date#toISOString without milliseconds, across eras and leap days", () => {
    const samples = [
      0,
      -1,
      951_782_400_000,
      1_709_164_799_999,
      Date.UTC(1950, 0, 1),
      Date.UTC(2099, 11, 31, 23, 59, 59),
    ];
    for (let i = 0; i < 500; i++) samples.push(Math.floor(Math.sin(i) * 4e12));
    for (const ms of samples) {
      const iso = new Date(ms).toISOString();
      expect(toWireTimestamp(ms)).toBe(`${iso.slice(0, 19)}Z`);
      expect(toWireDate(ms)).toBe(iso.slice(0, 10));
    }
  });
});

describe("parseIsoDateTime", () => {
  it.each([
    ["2025-06-01", Date.UTC(2025, 5, 1)],
    ["2025-06-01T08:00:00Z", Date.UTC(2025, 5, 1, 8)],
    ["2025-06-01T08:00Z", Date.UTC(2025, 5, 1, 8)],
    ["2025-06-01 08:00:00", Date.UTC(2025, 5, 1, 8)],
    ["2025-06-01T08:00:00.250Z", Date.UTC(2025, 5, 1, 8, 0, 0, 250)],
    ["2025-06-01T10:00:00+02:00", Date.UTC(2025, 5, 1, 8)],
    ["2025-06-01T03:30:00-0430", Date.UTC(2025, 5, 1, 8)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
  ])("accepts %s", (text, expected) => {
    expect(parseIsoDateTime(text)).toBe(expected);
  });

  it.each([
    "",
    "yesterday",
    "2025-13-01",
    "2025-02-29",
    "2025-06-31",
    "2025-06-01T24:00:00Z",
    "2025-06-01T08:60:00Z",
    "2025-06-01T08:00:00+25:00",
    "2025-6-1",
    "1717228800",
    // `+` decoded from an unencoded query string: Django rejects it too.
    "2025-06-01T10:00:00 02:00",
  ])("rejects %j", (text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});
