/**
 * Which requests keep a session alive. The idle timeout (30 min) counts only what the analyst
 * does: a request made within a minute of their last key press, click or touch carries
 * `x-inbox-activity: 1`; auto-refresh, refetch on focus, prefetch and the event stream made while
 * nobody is at the keyboard do not, so an unattended inbox still signs itself out.
 */
export const ACTIVITY_HEADER = "x-inbox-activity";

/** How long after the analyst's last input their requests still count as their own doing. */
export const ACTIVITY_WINDOW_MS = 60_000;

let lastInputAt = Number.NEGATIVE_INFINITY;
let listening = false;

function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  const mark = () => {
    lastInputAt = performance.now();
  };
  for (const type of ["pointerdown", "keydown", "touchstart", "wheel"] as const) {
    window.addEventListener(type, mark, { capture: true, passive: true });
  }
}

/** Headers for a request from the browser: the activity mark when the analyst is at the keyboard. */
export function activityHeaders(): Record<string, string> {
  listen();
  return performance.now() - lastInputAt <= ACTIVITY_WINDOW_MS ? { [ACTIVITY_HEADER]: "1" } : {};
}

if (typeof window !== "undefined") listen();
