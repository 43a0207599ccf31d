import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { endAllSessions, endSession } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** `{}` ends this browser's session; `{ "everywhere": true }` every session of the analyst. */
const signOutBodySchema = z.strictObject({ everywhere: z.boolean().optional() });

export const POST = apiRoute(
  { name: "/api/auth/sign-out", checkOrigin: true, public: true },
  async ({ request, analyst, requestId }) => {
    // A bare POST (no body, no content type) signs out here, as the plain sign-out button sends.
    const hasBody = request.headers.has("content-type");
    const body = hasBody ? await readJsonBody(request, signOutBodySchema, 1024) : null;
    if (body && !body.ok) return body.response;
    const everywhere = body?.data.everywhere === true;
    if (everywhere && analyst && authConfig.mode !== "none") {
      const ended = await endAllSessions(analyst);
      await recordAuditEventQuietly(
        actorFor(analyst, authConfig.mode),
        AUDIT_ACTIONS.signedOutEverywhere,
        { outcome: "done", requestId, details: { sessions: ended } },
      );
      return json({ ok: true, ended });
    }
    await endSession();
    if (analyst) {
      await recordAuditEventQuietly(actorFor(analyst, authConfig.mode), AUDIT_ACTIONS.signedOut, {
        outcome: "done",
        requestId,
      });
    }
    return json({ ok: true, ended: analyst ? 1 : 0 });
  },
);
