export const inputClasses =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 shadow-xs outline-none placeholder:text-zinc-500 focus-visible:border-blue-600 focus-visible:ring-2 focus-visible:ring-blue-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400";

export const labelClasses = "font-medium text-xs text-zinc-600 dark:text-zinc-400";

export const buttonClasses =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 font-medium text-sm text-zinc-800 shadow-xs hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";

/** The one button that carries out a dialog's action. */
export const primaryButtonClasses =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md border border-blue-700 bg-blue-700 px-3 font-medium text-sm text-white shadow-xs hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50 dark:border-blue-500 dark:bg-blue-600 dark:hover:bg-blue-700";

/** A primary action that is hard to undo (blocking users). */
export const dangerButtonClasses =
  "inline-flex h-9 items-center justify-center gap-1.5 rounded-md border border-red-700 bg-red-700 px-3 font-medium text-sm text-white shadow-xs hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-red-600 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50 dark:border-red-500 dark:bg-red-600 dark:hover:bg-red-700";
