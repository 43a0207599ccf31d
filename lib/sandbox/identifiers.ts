import type { Person } from "./person";
import { fmix32, hex32, type Random } from "./prng";

// Distinct offsets keep a record's id and vendor_data from sharing their leading digits.
const ID_SALT = 0x5bd1e995;
const VENDOR_SALT = 0x27d4eb2f;

const HEX_DIGITS = [..."0123456789abcdef"].map((digit) => digit.charCodeAt(0));
const DASH = "-".charCodeAt(0);
// Where the 32 hex digits go in the 36-character form (8-4-4-4-12).
const DIGIT_SLOTS = [...Array(36).keys()].filter((slot) => ![8, 13, 18, 23].includes(slot));
// Reused between calls: building the id from char codes was 3-4x faster than joining hex pieces.
const idChars = new Array<number>(36).fill(DASH);

/**
 * A v4-looking UUID. The first group is a bijection of the record's position, so ids are unique
 * within a dataset by construction; the rest is random for looks.
 */
export function makeDiditId(random: Random, position: number, seed: number): string {
  const words = [
    fmix32((position + Math.imul(seed, ID_SALT)) >>> 0),
    random() * 2 ** 32,
    random() * 2 ** 32,
    random() * 2 ** 32,
  ];
  let slot = 0;
  for (const word of words) {
    for (let shift = 28; shift >= 0; shift -= 4) {
      idChars[DIGIT_SLOTS[slot++] ?? 0] = HEX_DIGITS[(word >>> shift) & 0xf] ?? DASH;
    }
  }
  idChars[14] = HEX_DIGITS[4] ?? DASH;
  idChars[19] = HEX_DIGITS[8 + Math.floor(random() * 4)] ?? DASH;
  return String.fromCharCode(...idChars);
}

/**
 * Applications pick their own vendor_data format; these are the ones seen in the wild, including
 * characters that must be URL-encoded ("+", "@") and upper case (lookups are case-sensitive).
 */
/**
 * `vendor_data` is the application's own free text, so some references are awkward in a URL: a
 * route's name, a dot segment, a slash, a percent sign, the longest allowed. A few users carry
 * them, at fixed positions, so the sandbox shows every user being reachable (or, for `..`, says
 * why Didit cannot be asked about them).
 */
export const AWKWARD_VENDOR_DATA: ReadonlyMap<number, string> = new Map([
  [101, "export"],
  [202, ".."],
  [303, "a/b"],
  [404, "100%"],
  [505, `long-${"x".repeat(195)}`],
]);

export function makeVendorData(
  random: Random,
  position: number,
  seed: number,
  person: Person,
): string {
  const token = hex32(fmix32((position + Math.imul(seed, VENDOR_SALT)) >>> 0));
  const roll = random();
  // Drawn first either way, so the rest of the dataset does not depend on these few.
  const awkward = AWKWARD_VENDOR_DATA.get(position);
  if (awkward !== undefined) return awkward;
  if (roll < 0.45) return `user-${token}`;
  if (roll < 0.7) return `cus_${Number.parseInt(token, 16).toString(36)}`;
  if (roll < 0.85) return `acct-${100_000 + position}`;
  if (roll < 0.95) return `${person.givenSlug}.${person.familySlug}+${position}@example.net`;
  return `ORG-${token.toUpperCase()}`;
}
