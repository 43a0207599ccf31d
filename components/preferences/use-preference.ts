import { useCallback, useSyncExternalStore } from "react";
// zod/mini: this module runs in the browser, where every kilobyte counts.
import * as z from "zod/mini";

/**
 * Per-browser preferences (columns, density, theme, auto-refresh) in localStorage. The server
 * and the first client render use the defaults, so hydration always matches; stored values apply
 * right after. Stored values are validated: a broken entry falls back to the default.
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

const STORAGE_PREFIX = "didit-inbox:";
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: unknown }>();
/** Values that could not be stored (storage full or disabled): they last for this page. */
const unsaved = new Map<string, unknown>();

function read<K extends PreferenceKey>(key: K): Preference<K> {
  if (unsaved.has(key)) return unsaved.get(key) as Preference<K>;
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_PREFIX + key);
  } catch {
    raw = null;
  }
  const cached = cache.get(key);
  // Same snapshot object while the stored text is unchanged (useSyncExternalStore needs that).
  if (cached && cached.raw === raw) return cached.value as Preference<K>;
  let value: Preference<K> = PREFERENCE_DEFAULTS[key];
  if (raw !== null) {
    try {
      const parsed = preferenceSchemas[key].safeParse(JSON.parse(raw));
      if (parsed.success) value = parsed.data as Preference<K>;
    } catch {
      value = PREFERENCE_DEFAULTS[key];
    }
  }
  cache.set(key, { raw, value });
  return value;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith(STORAGE_PREFIX)) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function writePreference<K extends PreferenceKey>(key: K, value: Preference<K>) {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    unsaved.delete(key);
  } catch {
    // Storage full or disabled: the preference lasts for this page only.
    unsaved.set(key, value);
  }
  for (const listener of listeners) listener();
}

export function usePreference<K extends PreferenceKey>(key: K) {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => PREFERENCE_DEFAULTS[key],
  );
  const set = useCallback((next: Preference<K>) => writePreference(key, next), [key]);
  return [value, set] as const;
}
