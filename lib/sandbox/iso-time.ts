const DAY_MS = 86_400_000;

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return [String(year).padStart(4, "0"), pad2(month), pad2(day)].join("-");
}

// Generating 100,000 records formats ~300,000 timestamps; `toISOString` plus slicing was a third
// of the run. Records use a few tens of thousands of distinct days and at most 86,400 times of
// day, so both halves are memoised and a timestamp costs one concatenation of two shared strings.
// Arrays pre-sized (so filling them out of order keeps fast elements) and indexed by day number
// from 1900-01-01 to 2099-12-31; days outside that window are formatted every time.
const FIRST_CACHED_DAY = -25_567;
const dates = new Array<string | undefined>(73_049).fill(undefined);
const timesOfDay = new Array<string | undefined>(86_400).fill(undefined);

function dateOfDay(days: number): string {
  const slot = days - FIRST_CACHED_DAY;
  if (slot < 0 || slot >= dates.length) return civilDate(days);
  let date = dates[slot];
  if (date === undefined) {
    date = civilDate(days);
    dates[slot] = date;
  }
  return date;
}

function timeOfDay(second: number): string {
  let time = timesOfDay[second];
  if (time === undefined) {
    const hours = Math.floor(second / 3600);
    const minutes = Math.floor((second % 3600) / 60);
    time = `T${[pad2(hours), pad2(minutes), pad2(second % 60)].join(":")}Z`;
    timesOfDay[second] = time;
  }
  return time;
}

/** Didit writes timestamps to the second with a `Z` suffix (`2025-06-15T10:30:00Z`). */
export function toWireTimestamp(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  return dateOfDay(days) + timeOfDay(Math.floor((ms - days * DAY_MS) / 1000));
}

export function toWireDate(ms: number): string {
  return dateOfDay(Math.floor(ms / DAY_MS));
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses what Django's date/time fields accept: a bare date (UTC midnight) or a date-time with
 * optional seconds, fraction and offset; without an offset the time is UTC, as Didit runs in UTC.
 * Returns epoch milliseconds, or null for anything else, impossible dates included.
 */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_8601.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCDate() !== d) return null;
  const offset = parseOffsetMinutes(zone);
  if (offset === null) return null;
  const fractionMs = Number(`0.${fraction || "0"}`) * 1000;
  return date.getTime() + ((h * 60 + mi - offset) * 60 + s) * 1000 + Math.floor(fractionMs);
}

function parseOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
