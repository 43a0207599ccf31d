import { chance, pick, pickWeighted, type Random, randomInt } from "./prng";
import { NAME_GROUPS, type NameGroup, type NamePart } from "./seed-names";
import { asciiSlug } from "./text-fold";

/** The human behind a record, before deciding which of their details Didit has captured. */
export interface Person {
  /** Country of the identity document, ISO 3166-1 alpha-3. */
  country: string;
  /** As printed on the document. */
  fullName: string;
  /** Short forms for display names, in a script the user would type. */
  givenShort: string;
  familyShort: string;
  /** ASCII forms, for email addresses and handles. */
  givenSlug: string;
  familySlug: string;
}

interface ResolvedPart {
  native: string;
  latin: string;
  slug: string;
}

interface ResolvedGroup {
  group: NameGroup;
  given: readonly ResolvedPart[];
  family: readonly ResolvedPart[];
}

function capitalizeWords(text: string): string {
  return text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => {
    return space + letter.toUpperCase();
  });
}

function resolvePart(part: NamePart): ResolvedPart {
  if (typeof part === "string") return { native: part, latin: part, slug: asciiSlug(part) };
  const [native, latin] = part;
  return { native, latin: capitalizeWords(latin), slug: asciiSlug(latin) };
}

// Slugging needs Unicode normalisation: done once per name, not once per generated user.
let resolvedGroups: readonly (readonly [ResolvedGroup, number])[] | undefined;

function groups(): readonly (readonly [ResolvedGroup, number])[] {
  resolvedGroups ??= NAME_GROUPS.map((group) => {
    const resolved = {
      group,
      given: group.given.map(resolvePart),
      family: group.family.map(resolvePart),
    };
    return [resolved, group.weight] as const;
  });
  return resolvedGroups;
}

export function generatePerson(random: Random): Person {
  const { group, given, family } = pickWeighted(random, groups());
  const first = pick(random, given);
  const last = pick(random, family);
  const native = group.nativeScriptShare === undefined || chance(random, group.nativeScriptShare);
  const form = (part: ResolvedPart) => (native ? part.native : part.latin);

  let givenText = form(first);
  if (group.middleNames && chance(random, 0.25)) {
    givenText = `${givenText} ${form(pick(random, given))}`;
  }
  let familyText = form(last);
  if (group.twoFamilyNames) familyText = `${familyText} ${form(pick(random, family))}`;

  let fullName =
    native && group.familyFirst
      ? `${familyText}${group.joiner ?? " "}${givenText}`
      : `${givenText} ${familyText}`;
  // Names read from a passport's machine-readable zone arrive in capitals.
  if (group.nativeScriptShare === undefined && chance(random, 0.05))
    fullName = fullName.toUpperCase();

  // Users pick their own script for a display name, independently of their document's.
  const shortNative = chance(random, 0.5);
  return {
    country: pick(random, group.countries),
    fullName,
    givenShort: shortNative ? first.native : first.latin,
    familyShort: shortNative ? last.native : last.latin,
    givenSlug: first.slug,
    familySlug: last.slug,
  };
}

/** What a user chose to be called, when they chose anything (Didit's `display_name`). */
export function pickDisplayName(random: Random, person: Person): string {
  const roll = random();
  if (roll < 0.4) return `${person.givenShort} ${person.familyShort.charAt(0)}.`;
  if (roll < 0.7) return person.givenShort;
  if (roll < 0.9)
    return `${person.givenSlug}_${person.familySlug.charAt(0)}${randomInt(random, 1, 99)}`;
  return `${person.givenShort} ${person.familyShort}`;
}
