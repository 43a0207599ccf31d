import { z } from "zod";
import { revokeSessions, sessionSummaries } from "@/lib/admin/sessions";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** Every live session (admins only). */
export const GET = apiRoute({ name: "/api/admin/sessions", role: "admin" }, async ({ analyst }) =>
  json({ sessions: analyst ? await sessionSummaries(analyst) : [] }),
);

const analystIdSchema = z.string().trim().min(1).max(200);

/** `DELETE /api/admin/sessions?analyst=<id>`: ends every session of that analyst. */
export const DELETE = apiRoute(
  { name: "/api/admin/sessions", role: "admin", checkOrigin: true },
  async ({ request, analyst, requestId }) => {
    const parsed = analystIdSchema.safeParse(request.nextUrl.searchParams.get("analyst"));
    if (!parsed.success || !analyst) {
      return apiError("invalid_query", "Name the analyst whose sessions to end: ?analyst=<id>.");
    }
    const ended = await revokeSessions(analyst, { analystId: parsed.data }, requestId);
    return json({ ended });
  },
);
