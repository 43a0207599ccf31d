import type { Workspace } from "@/lib/api/types";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery, json } from "@/lib/http/responses";
import { claimsFor } from "@/lib/teamwork/claims";
import { noteCounts } from "@/lib/teamwork/notes";
import { claimInfo, proposalInfo } from "@/lib/teamwork/present";
import { pendingProposals } from "@/lib/teamwork/proposals";
import { idListSchema } from "@/lib/teamwork/requests";
import { store } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

/**
 * `GET /api/workspace?ids=…`: claims, note counts and pending proposals for the users on screen.
 * Read from the inbox's own store only, so it costs nothing of Didit's rate limit and can be
 * asked again on every live event.
 */
export const GET = apiRoute({ name: "/api/workspace" }, async ({ request, analyst }) => {
  const parsed = idListSchema.safeParse(request.nextUrl.searchParams.get("ids") ?? "");
  if (!parsed.success) return invalidQuery({ ids: parsed.error.issues[0]?.message ?? "invalid" });
  const ids = parsed.data;
  const me = analyst?.id ?? "";
  const db = await store();
  const now = new Date();
  const [claims, counts, proposals] = await Promise.all([
    claimsFor(db, ids, now),
    noteCounts(db, ids),
    pendingProposals(db, now, { userIds: ids }),
  ]);
  const workspace: Workspace = {
    claims: Object.fromEntries(claims.map((row) => [row.userId, claimInfo(row, me)])),
    noteCounts: Object.fromEntries(counts),
    proposals: Object.fromEntries(proposals.map((row) => [row.userId, proposalInfo(row, me)])),
  };
  return json(workspace);
});
