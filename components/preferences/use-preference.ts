"use client";

import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import {
  isViewKey,
  PREFERENCE_DEFAULTS,
  type Preference,
  type PreferenceKey,
  preferenceSchemas,
  VIEW_DEFAULTS,
  VIEW_KEYS,
  type ViewPreferences,
  viewCookieString,
} from "./preference-schema";

/**
 * Per-browser preferences (columns, density, theme, auto-refresh) in localStorage. The server
 * renders the view preferences from their cookie (see preference-schema.ts) and the first client
 * render uses the same values, so hydration matches; the rest start from their defaults and apply
 * right after. Stored values are validated: a broken entry falls back to the default.
 */

/** What the server rendered with; filled in by PreferencesProvider from the cookie. */
export const ServerViewContext = createContext<ViewPreferences>(VIEW_DEFAULTS);

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

/** Writes the view preferences, as this browser holds them, to the cookie the server reads. */
export function syncViewCookie() {
  const view = Object.fromEntries(VIEW_KEYS.map((key) => [key, read(key)])) as ViewPreferences;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Safari < 18.4 and Firefox
  document.cookie = viewCookieString(view, window.location.protocol === "https:");
}

export function writePreference<K extends PreferenceKey>(key: K, value: Preference<K>) {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    unsaved.delete(key);
  } catch {
    // Storage full or disabled: the preference lasts for this page only.
    unsaved.set(key, value);
  }
  if (isViewKey(key)) syncViewCookie();
  for (const listener of listeners) listener();
}

export function usePreference<K extends PreferenceKey>(key: K) {
  const serverView = useContext(ServerViewContext);
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => (isViewKey(key) ? serverView[key] : PREFERENCE_DEFAULTS[key]) as Preference<K>,
  );
  const set = useCallback((next: Preference<K>) => writePreference(key, next), [key]);
  return [value, set] as const;
}
