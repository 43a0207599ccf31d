import "server-only";
import type { ActivityEvent } from "@/lib/api/types";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit/actions";
import { attributionNote } from "@/lib/audit/actor";
import type { AuditEventRow } from "@/lib/db/schema";

/** A stored event as the browser sees it: no hashes, and labels an auditor can read. */
export function presentEvent(row: AuditEventRow): ActivityEvent {
  return {
    id: row.id,
    occurredAt: new Date(row.occurredAt).toISOString(),
    analyst: {
      id: row.analystId,
      name: row.analystName,
      authMode: row.authMode,
      note: attributionNote(row.authMode),
    },
    action: row.action,
    actionLabel: AUDIT_ACTION_LABELS[row.action as AuditAction] ?? row.action,
    target: { internalId: row.targetInternalId, vendorData: row.targetVendorData },
    statusBefore: row.statusBefore,
    statusAfter: row.statusAfter,
    reason: row.reason,
    outcome: row.outcome,
    outcomeCode: row.outcomeCode,
    requestId: row.requestId,
    intentId: row.intentId,
    details: row.details,
  };
}
