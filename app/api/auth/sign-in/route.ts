import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import {
  clearFailures,
  clientKey,
  globalDelayMs,
  lockedFor,
  recordFailure,
} from "@/lib/auth/attempts";
import { authConfig } from "@/lib/auth/config";
import { passcodeMatches, signInBodySchema } from "@/lib/auth/passcode";
import { analystId, startSession } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { apiError, json } from "@/lib/http/responses";

/** A name and a passcode: a few hundred bytes. Nothing larger is read, before any other check. */
const MAX_SIGN_IN_BODY_BYTES = 4 * 1024;

export const dynamic = "force-dynamic";

/** Passcode sign-in: `{ name, passcode }` → a session cookie, or a JSON error. */
export const POST = apiRoute(
  { name: "/api/auth/sign-in", checkOrigin: true, public: true },
  async ({ request, requestId }) => {
    if (authConfig.mode !== "passcode") {
      return apiError("not_found", "Passcode sign-in is not enabled.");
    }
    const body = await readJsonBody(request, signInBodySchema, MAX_SIGN_IN_BODY_BYTES);
    if (!body.ok) return body.response;
    // Many clients failing at once: everyone waits a little per attempt, nobody is locked out.
    const delay = globalDelayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    // From here to recording a failure nothing awaits, so parallel guesses cannot all pass the
    // lock check before the first failure is counted.
    const client = clientKey(request);
    const wait = lockedFor(client);
    if (wait > 0) {
      return apiError("too_many_attempts", `Too many failed attempts. Try again in ${wait} s.`, {
        retryAfter: wait,
      });
    }
    if (!passcodeMatches(body.data.passcode, authConfig.passcode)) {
      recordFailure(client);
      return apiError("invalid_credentials", "That passcode is not right.");
    }
    clearFailures(client);
    const { name } = body.data;
    // A shared passcode proves membership, not identity: everyone is a reviewer, and the audit
    // trail marks the name as self-declared (lib/audit/actor.ts).
    const analyst = await startSession({
      id: analystId("passcode", name.toLowerCase()),
      name,
      role: "reviewer",
      authMode: "passcode",
    });
    await recordAuditEventQuietly(actorFor(analyst, "passcode"), AUDIT_ACTIONS.signedIn, {
      outcome: "done",
      requestId,
    });
    return json({ ok: true });
  },
);
