import "server-only";
import { createHmac } from "node:crypto";
import { sessionSecret } from "@/lib/auth/config";
import { type AuditInput, appendAuditEvent } from "@/lib/db/audit-chain";
import { getDatabase } from "@/lib/db/database";
import type { AuditEventRow } from "@/lib/db/schema";
import type { UsersQuery } from "@/lib/inbox/query-state";
import { log } from "@/lib/log";
import type { AuditAction, AuditOutcome } from "./actions";
import type { Actor } from "./actor";

export interface AuditFields {
  targetInternalId?: string | null;
  targetVendorData?: string | null;
  statusBefore?: string | null;
  statusAfter?: string | null;
  reason?: string | null;
  outcome: AuditOutcome;
  outcomeCode?: string | null;
  requestId?: string | null;
  intentId?: number | null;
  details?: Record<string, unknown>;
}

/** Appends one event to the trail, attributed to `actor`. */
export async function recordAuditEvent(
  actor: Actor,
  action: AuditAction,
  fields: AuditFields,
): Promise<AuditEventRow> {
  const { db } = await getDatabase();
  const input: AuditInput = {
    analystId: actor.id,
    analystName: actor.name,
    authMode: actor.authMode,
    action,
    targetInternalId: fields.targetInternalId ?? null,
    targetVendorData: fields.targetVendorData ?? null,
    statusBefore: fields.statusBefore ?? null,
    statusAfter: fields.statusAfter ?? null,
    reason: fields.reason ?? null,
    outcome: fields.outcome,
    outcomeCode: fields.outcomeCode ?? null,
    requestId: fields.requestId ?? null,
    intentId: fields.intentId ?? null,
    details: fields.details ?? {},
  };
  return appendAuditEvent(db, input);
}

/**
 * A search term as the trail keeps it: an HMAC under a key derived from the session secret, so
 * an auditor with the key can check whether a given term was searched, and nobody can read the
 * terms back.
 */
export function searchTermDigest(term: string): string {
  const key = createHmac("sha256", sessionSecret()).update("audit:search-terms").digest();
  return createHmac("sha256", key).update(term.trim().toLowerCase()).digest("hex");
}

/** A view's filters for the trail: everything but the search term, which is kept as a digest. */
export function auditedFilters(query: Partial<UsersQuery>): Record<string, unknown> {
  const { search, limit: _limit, offset: _offset, ...filters } = query;
  const kept = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null));
  return search ? { ...kept, searchDigest: searchTermDigest(search) } : kept;
}

/**
 * For events that must not stop what they record (a sign-in, a page of an export): a failure to
 * write is logged, without personal data, and the request goes on.
 */
export async function recordAuditEventQuietly(
  actor: Actor,
  action: AuditAction,
  fields: AuditFields,
): Promise<void> {
  try {
    await recordAuditEvent(actor, action, fields);
  } catch (error) {
    log.error({ action, err: { name: (error as Error)?.name } }, "audit event not recorded");
  }
}
