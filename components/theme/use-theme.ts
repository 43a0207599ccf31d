"use client";

import { useEffect } from "react";
import { usePreference } from "@/components/preferences/use-preference";

/**
 * Applies the theme preference: "system" follows the OS and keeps following it. The first paint
 * is set by the inline script in the root layout, so there is no flash.
 */
export function useTheme() {
  const [theme, setTheme] = usePreference("theme");
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      const dark = theme === "dark" || (theme === "system" && media.matches);
      document.documentElement.classList.toggle("dark", dark);
    };
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);
  return [theme, setTheme] as const;
}
