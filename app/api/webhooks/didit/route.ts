import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { DIDIT_ACTOR } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { getDatabase } from "@/lib/db/database";
import { invalidateUpstreamCache } from "@/lib/didit/shared-cache";
import { apiRoute } from "@/lib/http/api-route";
import { readBytesAtMost } from "@/lib/http/json-body";
import { apiError, json } from "@/lib/http/responses";
import { announce } from "@/lib/live/server";
import { firstDelivery, forgetDelivery } from "@/lib/webhooks/deliveries";
import { isUserEvent, parsePayload } from "@/lib/webhooks/payload";
import { webhookSecret } from "@/lib/webhooks/secret";
import { deliveryDigest, verifyDelivery } from "@/lib/webhooks/signature";

export const dynamic = "force-dynamic";

/** Didit's user payloads are a few hundred bytes; anything this large is not one. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * `POST /api/webhooks/didit`: Didit telling the inbox that a user changed there. The signature
 * is checked over the raw bytes before anything parses them, the timestamp must be fresh, and a
 * delivery seen before is acknowledged without acting twice. Each user event is recorded on the
 * trail as "Changed in Didit", clears the kept Didit answers (on every instance, through the live
 * event) and is pushed to every open inbox as a live event. Public (Didit has
 * no session), and only ever answered 2xx once handled, so Didit's retries stop.
 */
export const POST = apiRoute(
  { name: "/api/webhooks/didit", public: true },
  async ({ request, requestId }) => {
    const secret = webhookSecret();
    if (secret === null) {
      return apiError(
        "invalid_signature",
        "Webhooks are not set up here: DIDIT_WEBHOOK_SECRET is not configured.",
      );
    }
    const declared = Number(request.headers.get("content-length"));
    const body =
      Number.isFinite(declared) && declared > MAX_BODY_BYTES
        ? null
        : await readBytesAtMost(request, MAX_BODY_BYTES);
    if (body === null) return apiError("payload_too_large", "The delivery is too large.");
    const verdict = verifyDelivery({
      body,
      signature: request.headers.get("x-signature"),
      timestamp: request.headers.get("x-timestamp"),
      secret,
      nowMs: Date.now(),
    });
    if (!verdict.ok) return apiError("invalid_signature", verdict.message);

    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return apiError("invalid_body", "The delivery is not valid JSON.");
    }
    const parsed = parsePayload(raw);
    if (!parsed.ok) return apiError("invalid_body", parsed.message);
    const { change } = parsed;

    const { db } = await getDatabase();
    const digest = deliveryDigest(verdict.timestamp, body);
    if (!(await firstDelivery(db, digest, new Date()))) {
      return json({ received: true, duplicate: true });
    }
    // Session events and anything newer: acknowledged, nothing to do here.
    if (!isUserEvent(change.event)) return json({ received: true, ignored: change.event });
    try {
      await recordAuditEvent(DIDIT_ACTOR, AUDIT_ACTIONS.diditChanged, {
        targetInternalId: change.internalId,
        targetVendorData: change.vendorData,
        statusBefore: change.previousStatus,
        statusAfter: change.status,
        outcome: "done",
        requestId,
        details: {
          event: change.event,
          ...(change.changedFields.length > 0 && { changedFields: change.changedFields }),
        },
      });
    } catch (error) {
      // Not handled after all: Didit's retry must not be taken for a replay.
      await forgetDelivery(db, digest);
      throw error;
    }
    invalidateUpstreamCache();
    await announce("didit", {
      userIds: change.internalId ? [change.internalId] : [],
      action: change.event,
      analyst: { id: DIDIT_ACTOR.id, name: DIDIT_ACTOR.name },
      ...(change.status && { status: change.status }),
    });
    return json({ received: true });
  },
);
