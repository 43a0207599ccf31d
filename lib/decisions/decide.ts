import "server-only";
import type { Actor } from "@/lib/audit/actor";
import type { AuditFields } from "@/lib/audit/record";
import type { AuditEventRow } from "@/lib/db/schema";
import type { StatusChangeResult } from "@/lib/didit/client";
import { UpstreamError } from "@/lib/didit/errors";
import type { DecisionRequest, DecisionResponse, DecisionTarget, UserOutcome } from "./request";

export interface DecisionDeps {
  actor: Actor;
  requestId: string;
  /** Didit's update-status, through the one upstream client. */
  change: (
    vendorData: string,
    change: { status: DecisionRequest["status"]; reason: string },
  ) => Promise<StatusChangeResult>;
  record: (fields: AuditFields) => Promise<AuditEventRow>;
}

/** Changes run a few at a time: enough to hide Didit's latency, few enough to share the budget. */
const CONCURRENCY = 4;

/**
 * Didit never answered: the change may or may not have been made. A refused connection is not
 * that: the request never left, so it is a plain failure that is safe to retry.
 */
function isUnknown(error: UpstreamError): boolean {
  return (
    error.code === "upstream_timeout" ||
    (error.code === "upstream_unavailable" &&
      error.details.upstreamStatus === undefined &&
      !error.details.neverSent)
  );
}

/** What Didit made of one user's change (a proposal never reaches `decide`). */
type ChangeOutcome = UserOutcome & { outcome: "done" | "failed" | "unknown" };

/** A user's outcome, and the promise of its event on the trail. */
interface Decided {
  result: UserOutcome;
  recorded: Promise<void>;
}

const settled = (result: UserOutcome): Decided => ({ result, recorded: Promise.resolve() });

/** What every event about this user's change carries. */
function baseFor(target: DecisionTarget, request: DecisionRequest, deps: DecisionDeps) {
  return {
    targetInternalId: target.id,
    targetVendorData: target.vendorData,
    statusBefore: target.status ?? null,
    statusAfter: request.status,
    reason: request.reason,
    requestId: deps.requestId,
  };
}

/**
 * The user's intent on the trail, started for every user at once so the trail's group commit
 * writes them in one transaction; null for a user Didit cannot be asked about.
 */
function recordIntent(
  target: DecisionTarget,
  request: DecisionRequest,
  deps: DecisionDeps,
): Promise<AuditEventRow> | null {
  if (target.vendorData === null) return null;
  const intent = deps.record({ ...baseFor(target, request, deps), outcome: "pending" });
  // Awaited by decideOne; this only keeps an early failure from counting as unhandled.
  intent.catch(() => undefined);
  return intent;
}

async function decideOne(
  target: DecisionTarget,
  request: DecisionRequest,
  deps: DecisionDeps,
  pendingIntent: Promise<AuditEventRow> | null,
): Promise<Decided> {
  const base = baseFor(target, request, deps);
  const outcomeFor = (fields: Omit<ChangeOutcome, "id" | "vendorData">): ChangeOutcome => ({
    id: target.id,
    vendorData: target.vendorData,
    ...fields,
  });

  if (target.vendorData === null || pendingIntent === null) {
    const message = "This user has no vendor data, so Didit cannot change their status.";
    await deps.record({ ...base, outcome: "failed", outcomeCode: "no_vendor_data" });
    return settled(
      outcomeFor({ outcome: "failed", code: "no_vendor_data", message, status: null }),
    );
  }

  // The intent is on record before Didit is asked, so no change ever happens unaudited; a crash
  // before the outcome leaves it pending, and start-up reconciles it (reconcile.ts).
  let intent: AuditEventRow;
  try {
    intent = await pendingIntent;
  } catch {
    return settled(
      outcomeFor({
        outcome: "failed",
        code: "audit_unavailable",
        message: "The audit trail could not be written, so nothing was sent to Didit.",
        status: null,
      }),
    );
  }

  let result: ChangeOutcome;
  try {
    const changed = await deps.change(target.vendorData, {
      status: request.status,
      reason: request.reason,
    });
    result = outcomeFor({
      outcome: "done",
      code: "200",
      message: "Changed.",
      status: changed.status ?? request.status,
    });
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const upstreamStatus = error.details.upstreamStatus;
    result = outcomeFor({
      outcome: isUnknown(error) ? "unknown" : "failed",
      code: upstreamStatus === undefined ? error.code : String(upstreamStatus),
      message: isUnknown(error)
        ? `${error.message} It is not known whether Didit made the change; trying again is safe.`
        : error.message,
      status: null,
    });
  }
  // Not awaited here: the next user's change goes ahead while this outcome joins the trail's next
  // group commit. `decide` waits for every outcome before it answers.
  const recorded = deps
    .record({
      ...base,
      outcome: result.outcome,
      outcomeCode: result.code,
      intentId: intent.id,
      ...(result.outcome !== "done" && { details: { message: result.message } }),
    })
    .then(
      () => undefined,
      () => undefined,
    );
  return { result, recorded };
}

/** Applies one decision to each of its users and reports each outcome; never all-or-nothing. */
export async function decide(
  request: DecisionRequest,
  deps: DecisionDeps,
): Promise<DecisionResponse> {
  const results: UserOutcome[] = new Array(request.users.length);
  const recorded: Promise<void>[] = [];
  const intents = request.users.map((target) => recordIntent(target, request, deps));
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < request.users.length; index = next++) {
      const target = request.users[index] as DecisionTarget;
      const decided = await decideOne(target, request, deps, intents[index] ?? null);
      results[index] = decided.result;
      recorded.push(decided.recorded);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, request.users.length) }, worker));
  await Promise.all(recorded);
  const count = (outcome: UserOutcome["outcome"]) =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    status: request.status,
    results,
    summary: {
      done: count("done"),
      failed: count("failed"),
      unknown: count("unknown"),
      proposed: count("proposed"),
    },
  };
}
