/**
 * Colours by meaning. Status strings are an open set (docs/didit-api.md): known ones get a tone,
 * anything else is shown as it comes in neutral grey. Each pair is AA-readable in both themes.
 */
export type Tone = "positive" | "negative" | "pending" | "warning" | "neutral" | "info";

export const TONE_CLASSES: Record<Tone, string> = {
  positive:
    "bg-emerald-100 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200",
  negative: "bg-red-100 text-red-900 ring-red-600/20 dark:bg-red-950 dark:text-red-200",
  pending: "bg-amber-100 text-amber-900 ring-amber-600/25 dark:bg-amber-950 dark:text-amber-200",
  warning:
    "bg-orange-100 text-orange-900 ring-orange-600/25 dark:bg-orange-950 dark:text-orange-200",
  info: "bg-sky-100 text-sky-900 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-200",
  neutral: "bg-zinc-100 text-zinc-800 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-200",
};

const FEATURE_STATUS_TONES: Record<string, Tone> = {
  approved: "positive",
  declined: "negative",
  "in review": "pending",
  "awaiting user": "pending",
  resubmitted: "info",
  "in progress": "info",
  "not started": "neutral",
  "not finished": "warning",
  expired: "warning",
  "kyc expired": "warning",
  abandoned: "neutral",
  "no action": "neutral",
};

/** Case and spacing vary across Didit's payloads ("In Review", "IN_REVIEW", "in review"). */
export function featureStatusTone(status: string): Tone {
  return FEATURE_STATUS_TONES[status.trim().toLowerCase().replace(/[_-]+/g, " ")] ?? "neutral";
}

const USER_STATUS_TONES: Record<string, Tone> = {
  ACTIVE: "positive",
  FLAGGED: "pending",
  BLOCKED: "negative",
};

export function userStatusTone(status: string): Tone {
  return USER_STATUS_TONES[status.trim().toUpperCase()] ?? "neutral";
}

const ACRONYMS = new Set(["id", "ip", "ocr", "aml", "nfc", "poa", "kyc"]);

/** `FACE_MATCH` → `Face match`, `ID_VERIFICATION` → `ID verification`; never fails on new keys. */
export function humanizeKey(key: string): string {
  const words = key.trim().replace(/[_-]+/g, " ").toLowerCase().split(/\s+/);
  return words
    .map((word, i) => {
      if (ACRONYMS.has(word)) return word.toUpperCase();
      return i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(" ");
}
