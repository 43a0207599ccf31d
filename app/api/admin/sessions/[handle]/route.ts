import { revokeSessions } from "@/lib/admin/sessions";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

const HANDLE = /^[0-9a-f]{16}$/;

/** Ends one session, named by its handle (admins only). */
export const DELETE = apiRoute<{ handle: string }>(
  { name: "/api/admin/sessions/[handle]", role: "admin", checkOrigin: true },
  async ({ params, analyst, requestId }) => {
    if (!HANDLE.test(params.handle) || !analyst) {
      return apiError("invalid_path", "That is not a session handle.");
    }
    const ended = await revokeSessions(analyst, { handle: params.handle }, requestId);
    if (ended === 0) return apiError("not_found", "No live session has that handle.");
    return json({ ended });
  },
);
