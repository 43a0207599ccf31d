import type { Person } from "./person";
import { chance, pick, type Random, randomInt } from "./prng";
import { EMAIL_DOMAINS } from "./seed-data";

export function makeEmail(random: Random, person: Person): string {
  const { givenSlug: given, familySlug: family } = person;
  const roll = random();
  let local: string;
  if (roll < 0.4) local = `${given}.${family}`;
  else if (roll < 0.6) local = `${given}${family.charAt(0)}`;
  else if (roll < 0.8) local = `${given.charAt(0)}${family}${randomInt(random, 1, 99)}`;
  else local = `${given}_${family}${randomInt(random, 70, 99)}`;
  return `${local}@${pick(random, EMAIL_DOMAINS)}`;
}

/** A second, work-style address for the few users who verified two. */
export function makeWorkEmail(person: Person): string {
  return `${person.givenSlug}@${person.familySlug}.example.org`;
}

/**
 * Numbers from ranges reserved for fiction (NANP 555 and Ofcom's 07700 900xxx), so the data
 * never contain a subscriber's real number.
 */
export function makePhone(random: Random, country: string): string {
  if (country === "GBR" || chance(random, 0.05)) {
    return `+447700900${String(randomInt(random, 0, 999)).padStart(3, "0")}`;
  }
  return `+1555${String(randomInt(random, 0, 9_999_999)).padStart(7, "0")}`;
}
