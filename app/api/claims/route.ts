import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/json-body";
import { apiError, invalidQuery, json } from "@/lib/http/responses";
import { announce } from "@/lib/live/server";
import { claimUser, releaseClaim } from "@/lib/teamwork/claims";
import { claimInfo } from "@/lib/teamwork/present";
import { claimRequestSchema, userIdSchema } from "@/lib/teamwork/requests";
import { audit, store, teamwork } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

/**
 * `POST /api/claims`: claim a user, renew one's own claim, or (with `takeOver`) take the claim
 * from whoever holds it. Held by someone else without `takeOver`: 409 `claimed`, naming them.
 */
export const POST = apiRoute(
  { name: "/api/claims", checkOrigin: true, role: "reviewer" },
  async ({ request, analyst, requestId }) => {
    const body = await readJsonBody(request, claimRequestSchema);
    if (!body.ok) return body.response;
    if (!analyst) throw new Error("a claim needs a signed-in analyst");
    const { userId, vendorData, takeOver } = body.data;
    const result = await claimUser(
      await store(),
      { userId, vendorData },
      { id: analyst.id, name: analyst.name },
      { now: new Date(), minutes: teamwork.claimMinutes, takeOver },
    );
    if (result.kind === "held") {
      return apiError(
        "claimed",
        `In review by ${result.claim.analystName}. Take it over to work this user yourself.`,
      );
    }
    if (result.kind !== "renewed") {
      const tookOver = result.kind === "taken-over";
      await audit(analyst, tookOver ? AUDIT_ACTIONS.claimTakenOver : AUDIT_ACTIONS.claimTaken, {
        targetInternalId: userId,
        targetVendorData: vendorData,
        requestId,
        ...(tookOver && {
          details: { from: { id: result.previous.analystId, name: result.previous.analystName } },
        }),
      });
      await announce("claim", {
        userIds: [userId],
        action: tookOver ? "taken-over" : "claimed",
        analyst: { id: analyst.id, name: analyst.name },
      });
    }
    return json({ claim: claimInfo(result.claim, analyst.id), result: result.kind });
  },
);

/** `DELETE /api/claims?user=…`: "Release". Only the claimant releases; others take over. */
export const DELETE = apiRoute(
  { name: "/api/claims", checkOrigin: true, role: "reviewer" },
  async ({ request, analyst, requestId }) => {
    const user = userIdSchema.safeParse(request.nextUrl.searchParams.get("user") ?? undefined);
    if (!user.success) return invalidQuery({ user: user.error.issues[0]?.message ?? "invalid" });
    if (!analyst) throw new Error("a release needs a signed-in analyst");
    const released = await releaseClaim(await store(), user.data, analyst.id, new Date());
    if (!released) return apiError("not_found", "You hold no claim on this user.");
    await audit(analyst, AUDIT_ACTIONS.claimReleased, {
      targetInternalId: released.userId,
      targetVendorData: released.vendorData,
      requestId,
    });
    await announce("claim", {
      userIds: [released.userId],
      action: "released",
      analyst: { id: analyst.id, name: analyst.name },
    });
    return json({ released: true });
  },
);
