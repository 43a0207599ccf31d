import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { endSession } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { name: "/api/auth/sign-out", checkOrigin: true, public: true },
  async ({ analyst, requestId }) => {
    await endSession();
    if (analyst) {
      await recordAuditEventQuietly(actorFor(analyst, authConfig.mode), AUDIT_ACTIONS.signedOut, {
        outcome: "done",
        requestId,
      });
    }
    return json({ ok: true });
  },
);
