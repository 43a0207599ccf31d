import "server-only";
import { createHash } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { getDatabase } from "@/lib/db/database";
import { config } from "@/lib/env/server";
import { authConfig, sessionSecrets } from "./config";
import { sessionCookiePolicy } from "./cookie-policy";
import type { Role } from "./roles";
import {
  createSession,
  deleteSession,
  deleteSessionsOf,
  findSession,
  type SessionAnalyst,
} from "./session-store";

export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from "./session-store";

/** Who is signed in. `id` is what logs carry: never a name or an email. */
export interface Analyst {
  id: string;
  name: string;
  role: Role;
  /** The session this request came with; null without sign-in (INBOX_AUTH=none). */
  sessionId: string | null;
}

/** The sealed cookie holds only the session's id; the row holds the rest (lib/db/schema.ts). */
interface CookieData {
  sid?: string;
}

/** `__Host-` and `Secure` when the public URL is https (lib/auth/cookie-policy.ts). */
const { name: SESSION_COOKIE, secure } = sessionCookiePolicy(config.publicUrl);

export { SESSION_COOKIE };

/** With INBOX_AUTH=none there is nobody to sign in; actions are attributed to this analyst. */
export const LOCAL_ANALYST: Analyst = {
  id: "local",
  name: "Local analyst",
  role: "admin",
  sessionId: null,
};

/** A stable, pseudonymous id for logs, derived from whatever identifies the person. */
export function analystId(kind: string, subject: string): string {
  return `${kind}:${createHash("sha256").update(`${kind}\u0000${subject}`).digest("hex").slice(0, 16)}`;
}

/** The row decides when a session ends; the seal and the cookie only have to outlive it. */
const COOKIE_TTL_S = 12 * 60 * 60;

/**
 * The session id in this request's cookie, if it was sealed with the current secret or, during a
 * rotation, with INBOX_SESSION_SECRET_PREVIOUS. Each seal is tried as a plain secret, so a
 * rotation never depends on which numbered password a cookie was sealed under.
 */
async function readSessionId(): Promise<string | null> {
  const sealed = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sealed) return null;
  for (const password of sessionSecrets()) {
    try {
      const data = await unsealData<CookieData>(sealed, { password, ttl: COOKIE_TTL_S });
      if (typeof data.sid === "string" && data.sid.length > 0) return data.sid;
    } catch {
      // A malformed seal is no session, whatever else is wrong with it.
    }
  }
  return null;
}

async function writeSessionId(sid: string): Promise<void> {
  const [current] = sessionSecrets();
  const sealed = await sealData({ sid } satisfies CookieData, {
    password: current as string,
    ttl: COOKIE_TTL_S,
  });
  (await cookies()).set(SESSION_COOKIE, sealed, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: COOKIE_TTL_S,
  });
}

async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 0,
  });
}

function toAnalyst(analyst: SessionAnalyst, sessionId: string): Analyst {
  return { id: analyst.id, name: analyst.name, role: analyst.role, sessionId };
}

/**
 * The signed-in analyst, or null (no cookie, tampered, ended, idle past 30 min, older than 12 h).
 * `activity`: whether this request is the analyst's own doing and so keeps the session alive
 * (lib/http/activity.ts says how a request shows that).
 */
export async function currentAnalyst(activity = false): Promise<Analyst | null> {
  if (authConfig.mode === "none") return LOCAL_ANALYST;
  const sid = await readSessionId();
  if (sid === null) return null;
  const session = await findSession((await getDatabase()).db, sid, new Date(), activity);
  return session ? toAnalyst(session.analyst, session.id) : null;
}

/**
 * Signs `analyst` in: a new session row, and a cookie that names it. Any session this browser had
 * before is ended first, so a session id is never carried across a sign-in.
 */
export async function startSession(analyst: SessionAnalyst): Promise<Analyst> {
  const { db } = await getDatabase();
  const previous = await readSessionId();
  if (previous !== null) await deleteSession(db, previous);
  const session = await createSession(db, analyst, new Date());
  await writeSessionId(session.id);
  return toAnalyst(analyst, session.id);
}

/** Ends this browser's session: the row goes, so a copied cookie stops working too. */
export async function endSession(): Promise<void> {
  const sid = await readSessionId();
  if (sid !== null) await deleteSession((await getDatabase()).db, sid);
  await clearSessionCookie();
}

/** "Sign out everywhere": every session of this analyst, on every device; how many ended. */
export async function endAllSessions(analyst: Analyst): Promise<number> {
  const ended = await deleteSessionsOf((await getDatabase()).db, analyst.id);
  await clearSessionCookie();
  return ended;
}

/**
 * Whether a session still stands, without moving its idle timeout: for a stream that checks
 * now and then that its analyst is still signed in.
 */
export async function sessionIsLive(sessionId: string): Promise<boolean> {
  return (await findSession((await getDatabase()).db, sessionId, new Date(), false)) !== null;
}
