// Combining accents of Latin, Greek and Cyrillic only: Devanagari vowel signs are marks too, but
// stripping them would merge unrelated words.
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;

const NON_ASCII = /[^\p{ASCII}]/u;

// Letters that carry no combining mark under NFD, so stripping accents alone leaves them as is.
const LATIN_LETTERS = /[ßłøæœđıþ]/g;
const LATIN_ASCII: Readonly<Record<string, string>> = {
  ß: "ss",
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ı: "i",
  þ: "th",
};

/**
 * Case- and accent-insensitive form used on both sides of a search, so "jose" finds "José",
 * "lukasz" finds "Łukasz" and "ΓΙΩΡΓΟΣ" finds "Γιώργος". NFC recomposes Hangul that NFD split.
 */
export function foldForSearch(text: string): string {
  // Most fields (emails, phones, ids) are ASCII: skipping normalisation for them made indexing
  // 100,000 users several times faster.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(COMBINING_ACCENTS, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(LATIN_LETTERS, (letter) => LATIN_ASCII[letter] ?? letter);
}

/** Lower-case ASCII letters and digits only, for the local part of made-up email addresses. */
export function asciiSlug(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]/g, "");
}
