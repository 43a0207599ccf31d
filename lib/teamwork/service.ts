import "server-only";
import { createHash } from "node:crypto";
import type { AuditAction } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { type AuditFields, recordAuditEvent } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import type { Analyst } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/database";
import { config } from "@/lib/env/server";

/** What the teamwork routes share: the store, the trail, and the settings. */

export const teamwork = config.teamwork;

export async function store() {
  return (await getDatabase()).db;
}

/** One event on the audit trail for a teamwork action, attributed to the analyst. */
export function audit(
  analyst: Analyst,
  action: AuditAction,
  fields: Omit<AuditFields, "outcome"> & { outcome?: AuditFields["outcome"] },
) {
  return recordAuditEvent(actorFor(analyst, authConfig.mode), action, {
    outcome: "done",
    ...fields,
  });
}

/**
 * A note's text as the trail keeps it: a digest, so an auditor holding a note can prove what it
 * said at each change, and the trail (which can never be erased) holds no personal data.
 */
export function noteDigest(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}
