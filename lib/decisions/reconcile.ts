import "server-only";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditFields } from "@/lib/audit/record";
import type { AuditEventRow } from "@/lib/db/schema";
import { UpstreamError } from "@/lib/didit/errors";

export interface ReconcileDeps {
  /** Intents whose outcome was never recorded. */
  unresolved: () => Promise<AuditEventRow[]>;
  /** The user's status as Didit reports it now. */
  currentStatus: (vendorData: string) => Promise<string>;
  /** Appends the outcome, attributed to the intent's own analyst. */
  record: (intent: AuditEventRow, fields: AuditFields) => Promise<unknown>;
}

export interface ReconcileReport {
  resolved: number;
  /** Didit could not be asked: left pending for the next start. */
  left: number;
}

/**
 * After a crash between "intent recorded" and "outcome recorded", asks Didit what actually
 * happened: the user now has the intended status (the change was made, or it already had it,
 * which the change would not have altered) or not (it was not made). Each answer becomes the
 * intent's outcome, marked as reconciled.
 */
export async function reconcileDecisions(deps: ReconcileDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = { resolved: 0, left: 0 };
  for (const intent of await deps.unresolved()) {
    if (intent.action !== AUDIT_ACTIONS.statusChange || !intent.targetVendorData) continue;
    let observed: string | null;
    try {
      observed = await deps.currentStatus(intent.targetVendorData);
    } catch (error) {
      if (error instanceof UpstreamError && error.code === "not_found") {
        observed = null;
      } else {
        report.left++;
        continue;
      }
    }
    const applied = observed !== null && observed === intent.statusAfter;
    await deps.record(intent, {
      targetInternalId: intent.targetInternalId,
      targetVendorData: intent.targetVendorData,
      statusBefore: intent.statusBefore,
      statusAfter: intent.statusAfter,
      reason: intent.reason,
      requestId: intent.requestId,
      intentId: intent.id,
      outcome: applied ? "done" : "failed",
      outcomeCode: "reconciled",
      details: {
        reconciled: true,
        observedStatus: observed,
        message: applied
          ? "Reconciled after a restart: Didit shows the intended status."
          : "Reconciled after a restart: Didit does not show the intended status, so the change was not made.",
      },
    });
    report.resolved++;
  }
  return report;
}
