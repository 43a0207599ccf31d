import { createHash, randomBytes } from "node:crypto";
import { desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type SessionRow, sessions } from "@/lib/db/schema";
import { isRole, type Role } from "./roles";

/**
 * Sessions as rows (lib/db/schema.ts `sessions`): created at sign-in, looked up on every request,
 * deleted at sign-out. Time is passed in, so the timeouts are tested without waiting.
 */

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often: a minute's precision is plenty for a 30 min timeout. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionAnalyst {
  id: string;
  name: string;
  role: Role;
  authMode: "oidc" | "passcode";
}

export interface StoredSession {
  id: string;
  analyst: SessionAnalyst;
  createdAt: Date;
  lastSeenAt: Date;
}

function fromRow(row: SessionRow): StoredSession | null {
  if (!isRole(row.role) || (row.authMode !== "oidc" && row.authMode !== "passcode")) return null;
  return {
    id: row.id,
    analyst: { id: row.analystId, name: row.analystName, role: row.role, authMode: row.authMode },
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  };
}

function isLive(session: StoredSession, now: Date): boolean {
  const t = now.getTime();
  return (
    t - session.createdAt.getTime() < ABSOLUTE_TIMEOUT_MS &&
    t - session.lastSeenAt.getTime() < IDLE_TIMEOUT_MS
  );
}

export async function createSession(
  db: Db,
  analyst: SessionAnalyst,
  now: Date,
): Promise<StoredSession> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    analystId: analyst.id,
    analystName: analyst.name,
    role: analyst.role,
    authMode: analyst.authMode,
    createdAt: now,
    lastSeenAt: now,
  });
  return { id, analyst, createdAt: now, lastSeenAt: now };
}

/**
 * The live session with this id, or null (none, ended, idle past 30 min, older than 12 h).
 * `activity`: this request is the analyst's own doing, so it slides the idle timeout; background
 * requests (auto-refresh, refetch on focus, the event stream) pass false and do not.
 */
export async function findSession(
  db: Db,
  id: string,
  now: Date,
  activity: boolean,
): Promise<StoredSession | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  const session = row ? fromRow(row) : null;
  if (!session || !isLive(session, now)) {
    // Expired rows go at once; the sweep below takes the ones nobody asks for again.
    if (row) await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (activity && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    session.lastSeenAt = now;
  }
  return session;
}

export async function deleteSession(db: Db, id: string): Promise<StoredSession | null> {
  const [row] = await db.delete(sessions).where(eq(sessions.id, id)).returning();
  return row ? fromRow(row) : null;
}

/** Ends every session of one analyst; how many there were. */
export async function deleteSessionsOf(db: Db, analystId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.analystId, analystId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Live sessions, newest activity first; expired ones are swept on the way. */
export async function listSessions(
  db: Db,
  now: Date,
  analystId?: string,
): Promise<StoredSession[]> {
  await sweepExpired(db, now);
  const rows = await db
    .select()
    .from(sessions)
    .where(analystId === undefined ? undefined : eq(sessions.analystId, analystId))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map(fromRow).filter((session): session is StoredSession => session !== null);
}

export async function sweepExpired(db: Db, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_TIMEOUT_MS)),
        lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
      ),
    );
}

/**
 * What admins see and name a session by: a digest of its id. The id itself is a bearer credential
 * (whoever holds it, with the secret's seal, is signed in) and never leaves the server.
 */
export function sessionHandle(id: string): string {
  return createHash("sha256").update(`session\u0000${id}`).digest("hex").slice(0, 16);
}

/** Ends the live session with this handle; the ended session, or null if there was none. */
export async function deleteSessionByHandle(
  db: Db,
  handle: string,
  now: Date,
): Promise<StoredSession | null> {
  const match = (await listSessions(db, now)).find(
    (session) => sessionHandle(session.id) === handle,
  );
  return match ? deleteSession(db, match.id) : null;
}
