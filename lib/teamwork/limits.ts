/** Limits both the browser and the server check (kept free of server code, for the bundle). */
export const NOTE_MAX_LENGTH = 2000;
export const NOTE_EDIT_WINDOW_MS = 5 * 60_000;
