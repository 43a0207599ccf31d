import "server-only";

/**
 * Failed sign-ins per client: after 5 failures within a minute, the client is refused for a
 * minute. A second, server-wide bucket (100 a minute) bounds guessing by clients that change
 * their address or forge X-Forwarded-For. In memory, per instance: enough to make guessing a
 * 16+ character passcode hopeless.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;
const EVERYONE = "\u0000everyone";
const MAX_FAILURES_EVERYONE = 100;

const failures = new Map<string, number[]>();

function recent(client: string, now: number): number[] {
  const times = (failures.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
  if (times.length === 0) failures.delete(client);
  else failures.set(client, times);
  return times;
}

function waitFor(key: string, max: number, now: number): number {
  const times = recent(key, now);
  if (times.length < max) return 0;
  const last = times[times.length - 1] ?? now;
  return Math.max(1, Math.ceil((last + WINDOW_MS - now) / 1000));
}

/** Seconds until this client may try again, or 0 when it may try now. */
export function lockedFor(client: string, now = Date.now()): number {
  return Math.max(
    waitFor(client, MAX_FAILURES, now),
    waitFor(EVERYONE, MAX_FAILURES_EVERYONE, now),
  );
}

function record(key: string, now: number): void {
  if (failures.size >= MAX_CLIENTS && !failures.has(key)) {
    // Bounded memory under a flood of distinct clients: forget the oldest entry.
    const oldest = failures.keys().next().value;
    if (oldest !== undefined && oldest !== EVERYONE) failures.delete(oldest);
  }
  failures.set(key, [...recent(key, now), now]);
}

export function recordFailure(client: string, now = Date.now()): void {
  record(client, now);
  record(EVERYONE, now);
}

export function clearFailures(client: string): void {
  failures.delete(client);
}

/**
 * Who is trying. Behind a reverse proxy that is the last `X-Forwarded-For` entry, the one the
 * proxy itself appended (earlier entries are whatever the client sent). Without a proxy every
 * request shares a single bucket, so the limit then applies to the server as a whole.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || request.headers.get("x-real-ip") || "direct";
}
