import "server-only";
import { createHash } from "node:crypto";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies, headers } from "next/headers";
import { config } from "@/lib/env/server";
import { authConfig, sessionSecret } from "./config";

/** Who is signed in. `id` is what logs carry: never a name or an email. */
export interface Analyst {
  id: string;
  name: string;
}

interface SessionData {
  analyst?: Analyst;
  issuedAt?: number;
  lastSeenAt?: number;
}

export const SESSION_COOKIE = "inbox_session";
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

/** With INBOX_AUTH=none there is nobody to sign in; actions are attributed to this analyst. */
export const LOCAL_ANALYST: Analyst = { id: "local", name: "Local analyst" };

/** A stable, pseudonymous id for logs, derived from whatever identifies the person. */
export function analystId(kind: string, subject: string): string {
  return `${kind}:${createHash("sha256").update(`${kind}\u0000${subject}`).digest("hex").slice(0, 16)}`;
}

async function isHttps(): Promise<boolean> {
  if (config.publicUrl) return config.publicUrl.startsWith("https:");
  return (await headers()).get("x-forwarded-proto") === "https";
}

async function sessionOptions(): Promise<SessionOptions> {
  return {
    password: sessionSecret(),
    cookieName: SESSION_COOKIE,
    ttl: ABSOLUTE_TIMEOUT_MS / 1000,
    cookieOptions: { httpOnly: true, sameSite: "lax", secure: await isHttps(), path: "/" },
  };
}

async function openSession() {
  return getIronSession<SessionData>(await cookies(), await sessionOptions());
}

function isLive(data: SessionData, now: number): data is Required<SessionData> {
  return (
    data.analyst !== undefined &&
    typeof data.issuedAt === "number" &&
    typeof data.lastSeenAt === "number" &&
    now - data.issuedAt < ABSOLUTE_TIMEOUT_MS &&
    now - data.lastSeenAt < IDLE_TIMEOUT_MS &&
    data.lastSeenAt <= now + 60_000
  );
}

/** The signed-in analyst, or null (no cookie, tampered, idle past 30 min or older than 12 h). */
export async function currentAnalyst(): Promise<Analyst | null> {
  if (authConfig.mode === "none") return LOCAL_ANALYST;
  const session = await openSession();
  return isLive(session, Date.now()) ? session.analyst : null;
}

/**
 * Like currentAnalyst, and counts this request as activity (slides the idle timeout).
 * Only where cookies may be set: route handlers and server actions, not page renders.
 */
export async function touchAnalyst(): Promise<Analyst | null> {
  if (authConfig.mode === "none") return LOCAL_ANALYST;
  const session = await openSession();
  const now = Date.now();
  if (!isLive(session, now)) return null;
  // Re-sealing on every request would be wasteful; a minute's precision is plenty.
  if (now - session.lastSeenAt > 60_000) {
    session.lastSeenAt = now;
    await session.save();
  }
  return session.analyst;
}

export async function startSession(analyst: Analyst): Promise<void> {
  const session = await openSession();
  const now = Date.now();
  session.analyst = analyst;
  session.issuedAt = now;
  session.lastSeenAt = now;
  await session.save();
}

export async function endSession(): Promise<void> {
  (await openSession()).destroy();
}
