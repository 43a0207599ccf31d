import "server-only";

/**
 * Failed sign-ins per client: after 5 failures within a minute, the client is refused for a
 * minute. In memory, per instance: enough to make guessing a 16+ character passcode hopeless.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;

const failures = new Map<string, number[]>();

function recent(client: string, now: number): number[] {
  const times = (failures.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
  if (times.length === 0) failures.delete(client);
  else failures.set(client, times);
  return times;
}

/** Seconds until this client may try again, or 0 when it may try now. */
export function lockedFor(client: string, now = Date.now()): number {
  const times = recent(client, now);
  if (times.length < MAX_FAILURES) return 0;
  const last = times[times.length - 1] ?? now;
  return Math.max(1, Math.ceil((last + WINDOW_MS - now) / 1000));
}

export function recordFailure(client: string, now = Date.now()): void {
  if (failures.size >= MAX_CLIENTS && !failures.has(client)) {
    // Bounded memory under a flood of distinct clients: forget the oldest entry.
    const oldest = failures.keys().next().value;
    if (oldest !== undefined) failures.delete(oldest);
  }
  failures.set(client, [...recent(client, now), now]);
}

export function clearFailures(client: string): void {
  failures.delete(client);
}

/**
 * Who is trying. Behind a reverse proxy that is the first `X-Forwarded-For` entry; without one
 * every request shares a single bucket, so the limit then applies to the server as a whole.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "direct";
}
