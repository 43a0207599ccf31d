/**
 * Runs before the first paint (inline in the root layout, with the CSP nonce) so a dark theme
 * shows without a flash; mirrors `useTheme` in components/theme/use-theme.ts. A plain module, not
 * a client one, so the server layout gets the string itself.
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var t=JSON.parse(localStorage.getItem("didit-inbox:theme")||'"system"');var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);if(d)document.documentElement.classList.add("dark")}catch(e){}})();`;
