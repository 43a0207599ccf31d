import "server-only";
import { config } from "@/lib/env/server";
import { clientAddress } from "@/lib/http/trusted-proxies";

/**
 * Failed sign-ins, per client, in memory, per instance.
 *
 * - **Per client, exponential backoff.** The first four failures cost nothing; the fifth locks
 *   the client out for a minute, and each further failure doubles it, up to an hour. A success
 *   clears the client's record; a day without failures forgets it.
 * - **Everyone, a slow-down, never a lock.** Past 100 failures a minute across all clients (many
 *   addresses guessing at once), every attempt waits a little before it is checked. A hard lock
 *   here would let anyone lock every analyst out; a delay costs a guesser per guess and still
 *   lets a correct passcode through.
 *
 * Clients are told apart by address: the connection's own, or what a trusted proxy says
 * (INBOX_TRUSTED_PROXIES, lib/http/trusted-proxies.ts), never a header a client may set.
 */
export const FREE_FAILURES = 4;
export const BASE_LOCK_S = 60;
export const MAX_LOCK_S = 60 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60_000;
const MAX_CLIENTS = 10_000;

export const GLOBAL_WINDOW_MS = 60_000;
export const GLOBAL_FREE_FAILURES = 100;
export const MAX_GLOBAL_DELAY_MS = 3_000;
const GLOBAL_DELAY_STEP_MS = 50;

interface ClientRecord {
  failures: number;
  lastAt: number;
}

const clients = new Map<string, ClientRecord>();
let everyone: number[] = [];

function current(client: string, now: number): ClientRecord | undefined {
  const record = clients.get(client);
  if (record && now - record.lastAt > FORGET_AFTER_MS) {
    clients.delete(client);
    return undefined;
  }
  return record;
}

/** How long the client's last failure locks it out for, in seconds (0 while failures are free). */
export function lockSeconds(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_S, BASE_LOCK_S * 2 ** (failures - FREE_FAILURES - 1));
}

/** Seconds until this client may try again, or 0 when it may try now. */
export function lockedFor(client: string, now = Date.now()): number {
  const record = current(client, now);
  if (!record) return 0;
  const until = record.lastAt + lockSeconds(record.failures) * 1000;
  return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
}

export function recordFailure(client: string, now = Date.now()): void {
  const record = current(client, now);
  if (!record && clients.size >= MAX_CLIENTS) {
    // Bounded memory under a flood of distinct clients: forget the oldest entry.
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.delete(client);
  clients.set(client, { failures: (record?.failures ?? 0) + 1, lastAt: now });
  everyone = everyone.filter((time) => now - time < GLOBAL_WINDOW_MS);
  if (everyone.length < 10 * GLOBAL_FREE_FAILURES) everyone.push(now);
}

export function clearFailures(client: string): void {
  clients.delete(client);
}

/** How long every attempt waits before it is checked, while many clients are failing. */
export function globalDelayMs(now = Date.now()): number {
  const recent = everyone.filter((time) => now - time < GLOBAL_WINDOW_MS).length;
  if (recent <= GLOBAL_FREE_FAILURES) return 0;
  return Math.min(MAX_GLOBAL_DELAY_MS, (recent - GLOBAL_FREE_FAILURES) * GLOBAL_DELAY_STEP_MS);
}

/** Forgets every record (tests). */
export function resetAttempts(): void {
  clients.clear();
  everyone = [];
}

/** The header scripts/start.mjs sets from the socket, overwriting any a client sent. */
export const PEER_ADDRESS_HEADER = "x-inbox-peer-address";

/** Who is trying: the client's address, as far as the configured proxies vouch for it. */
export function clientKey(request: Request): string {
  return clientAddress(
    request.headers.get(PEER_ADDRESS_HEADER),
    request.headers.get("x-forwarded-for"),
    config.trustedProxies,
  );
}
