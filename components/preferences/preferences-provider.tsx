"use client";

import { type ReactNode, useEffect } from "react";
import type { ViewPreferences } from "./preference-schema";
import { ServerViewContext, syncViewCookie } from "./use-preference";

/**
 * Hands the view preferences the server rendered with (read from the cookie) to every
 * `usePreference`, so hydration starts from the same values and matches.
 */
export function PreferencesProvider({
  initial,
  children,
}: {
  initial: ViewPreferences;
  children: ReactNode;
}) {
  // Preferences saved before the cookie existed live only in localStorage: copy them over once.
  useEffect(() => syncViewCookie(), []);
  return <ServerViewContext.Provider value={initial}>{children}</ServerViewContext.Provider>;
}
