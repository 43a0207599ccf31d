import "server-only";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordAuditEvent } from "@/lib/audit/record";
import { unresolvedIntents } from "@/lib/db/audit-queries";
import { closeDatabase, getDatabase } from "@/lib/db/database";
import { reconcileDecisions } from "@/lib/decisions/reconcile";
import { getUser } from "@/lib/didit/client";
import type { AuthMode } from "@/lib/env/schema";
import { config } from "@/lib/env/server";
import { checkRequest, type HostPolicy } from "@/lib/http/host-guard";
import { deploymentHeaders } from "@/lib/http/security-headers";
import { closeLiveBus, getLiveBus } from "@/lib/live/server";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/runtime/process-singleton";

const RECONCILE_RETRIES = 5;
const RECONCILE_PAUSE_MS = 3_000;

/**
 * Settles decisions a crash left without an outcome. Runs once the server is up (in sandbox mode
 * Didit is this very server), and again a few times while Didit cannot be asked.
 */
async function reconcileAfterStart(): Promise<void> {
  for (let attempt = 1; attempt <= RECONCILE_RETRIES; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, RECONCILE_PAUSE_MS));
    try {
      const { db } = await getDatabase();
      const report = await reconcileDecisions({
        unresolved: () => unresolvedIntents(db, AUDIT_ACTIONS.statusChange),
        currentStatus: async (vendorData) => (await getUser(vendorData)).status,
        record: (intent, fields) =>
          recordAuditEvent(
            {
              id: intent.analystId,
              name: intent.analystName,
              authMode: intent.authMode as AuthMode,
            },
            AUDIT_ACTIONS.statusChange,
            fields,
          ),
      });
      if (report.resolved > 0 || report.left > 0) log.info(report, "decisions reconciled");
      if (report.left === 0) return;
    } catch (error) {
      log.warn({ err: { name: (error as Error)?.name } }, "reconciling decisions failed");
    }
  }
}

/**
 * What the server does before it serves anyone (instrumentation.ts): open the store and bring its
 * schema up to date, so a locked data directory or a too-new schema stops the start with a
 * message; then reconcile interrupted decisions; and leave the server a way to close the store
 * cleanly when it stops, and a check of every request's Host (and, without sign-in, of proxy
 * headers) to run before the framework sees it.
 */
export async function startInbox(): Promise<void> {
  await getDatabase();
  void reconcileAfterStart();
  // Listening from the start, so other instances' changes clear this one's cache at once.
  void getLiveBus().catch((error: unknown) =>
    log.warn({ err: { name: (error as Error)?.name } }, "live bus not started"),
  );
  // scripts/start.mjs calls this after the last request, on SIGTERM or SIGINT.
  processSingleton("shutdown", () => async () => {
    await closeLiveBus();
    await closeDatabase();
  });
  // ...and this first, so open event streams end and do not hold the server's close up.
  processSingleton("end-streams", () => closeLiveBus);
  // ...and this before every request, ahead of the framework (lib/http/host-guard.ts).
  const policy: HostPolicy = {
    publicHost: config.publicUrl ? new URL(config.publicUrl).hostname.toLowerCase() : null,
    refuseForwarded: config.auth.mode === "none",
  };
  // ...and these on every response (HSTS when the public URL is https).
  processSingleton("response-headers", () => () => deploymentHeaders(config.publicUrl));
  processSingleton(
    "request-guard",
    () => (headers: Parameters<typeof checkRequest>[0], url: string | undefined) =>
      checkRequest(headers, url, policy),
  );
}
