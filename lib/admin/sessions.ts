import "server-only";
import type { SessionSummary } from "@/lib/api/types";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import type { Analyst } from "@/lib/auth/session";
import {
  deleteSessionByHandle,
  deleteSessionsOf,
  listSessions,
  type StoredSession,
  sessionHandle,
} from "@/lib/auth/session-store";
import { getDatabase } from "@/lib/db/database";

/** Sessions for the admin page and `GET /api/admin/sessions`: who, since when, last active. */
export async function sessionSummaries(viewer: Analyst): Promise<SessionSummary[]> {
  const { db } = await getDatabase();
  return (await listSessions(db, new Date())).map((session) => summary(session, viewer));
}

function summary(session: StoredSession, viewer: Analyst): SessionSummary {
  return {
    handle: sessionHandle(session.id),
    analystId: session.analyst.id,
    analystName: session.analyst.name,
    role: session.analyst.role,
    authMode: session.analyst.authMode,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === viewer.sessionId,
  };
}

/** An admin ends one session (by handle) or all of one analyst's; audited either way. */
export async function revokeSessions(
  admin: Analyst,
  target: { handle: string } | { analystId: string },
  requestId: string,
): Promise<number> {
  const { db } = await getDatabase();
  let ended: number;
  let analystId: string | null;
  if ("handle" in target) {
    const session = await deleteSessionByHandle(db, target.handle, new Date());
    ended = session ? 1 : 0;
    analystId = session?.analyst.id ?? null;
  } else {
    ended = await deleteSessionsOf(db, target.analystId);
    analystId = target.analystId;
  }
  if (ended > 0) {
    await recordAuditEventQuietly(actorFor(admin, authConfig.mode), AUDIT_ACTIONS.sessionRevoked, {
      outcome: "done",
      requestId,
      details: { analystId, sessions: ended },
    });
  }
  return ended;
}
