// zod/mini: this module runs in the browser too, where every kilobyte counts.
import * as z from "zod/mini";

/**
 * What an analyst can choose about the inbox's look, and how each choice is validated. A plain
 * module (no "use client"), so the server page can read the view cookie with the same rules.
 */
export const preferenceSchemas = {
  density: z.enum(["comfortable", "compact"]),
  theme: z.enum(["system", "light", "dark"]),
  autoRefresh: z.boolean(),
  hiddenColumns: z.array(z.string().check(z.maxLength(50))).check(z.maxLength(50)),
  columnOrder: z.array(z.string().check(z.maxLength(50))).check(z.maxLength(50)),
} as const;

export type PreferenceKey = keyof typeof preferenceSchemas;
export type Preference<K extends PreferenceKey> = z.infer<(typeof preferenceSchemas)[K]>;

export const PREFERENCE_DEFAULTS: { [K in PreferenceKey]: Preference<K> } = {
  density: "comfortable",
  theme: "system",
  autoRefresh: false,
  hiddenColumns: [],
  columnOrder: [],
};

/**
 * The preferences that change what the server renders (which columns, in which order, how
 * tall the rows are). They go in a cookie as well as localStorage, so a reload is rendered with
 * them at once instead of flashing the defaults first.
 */
export const VIEW_KEYS = ["hiddenColumns", "columnOrder", "density"] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];
export type ViewPreferences = { [K in ViewKey]: Preference<K> };

export const VIEW_COOKIE = "didit-inbox-view";
/** A year: a layout is a habit, not a session. */
const VIEW_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const VIEW_DEFAULTS: ViewPreferences = {
  hiddenColumns: PREFERENCE_DEFAULTS.hiddenColumns,
  columnOrder: PREFERENCE_DEFAULTS.columnOrder,
  density: PREFERENCE_DEFAULTS.density,
};

export function isViewKey(key: PreferenceKey): key is ViewKey {
  return (VIEW_KEYS as readonly string[]).includes(key);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    // Some cookie parsers hand the value over still percent-encoded.
    try {
      return JSON.parse(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
}

/**
 * The cookie's value, field by field: anything missing, damaged or forged falls back to that
 * field's default, so a bad cookie can never break the page.
 */
export function parseViewCookie(raw: string | undefined): ViewPreferences {
  const data = raw ? parseJson(raw) : undefined;
  const record: Record<string, unknown> =
    typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const field = <K extends ViewKey>(key: K): Preference<K> => {
    const parsed = preferenceSchemas[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as Preference<K>) : VIEW_DEFAULTS[key];
  };
  return {
    hiddenColumns: field("hiddenColumns"),
    columnOrder: field("columnOrder"),
    density: field("density"),
  };
}

/** A `document.cookie` assignment carrying the view preferences. */
export function viewCookieString(view: ViewPreferences, secure: boolean): string {
  const value = encodeURIComponent(JSON.stringify(view));
  return `${VIEW_COOKIE}=${value}; Path=/; Max-Age=${VIEW_COOKIE_MAX_AGE}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
