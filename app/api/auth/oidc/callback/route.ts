import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { actorFor } from "@/lib/audit/actor";
import { recordAuditEventQuietly } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import {
  completeAuthorization,
  logOidcFailure,
  oidcNotEnabled,
  oidcSettings,
  redirectTo,
  signInError,
  takeTransaction,
} from "@/lib/auth/oidc";
import { isAllowed } from "@/lib/auth/oidc-allow-list";
import { displayName } from "@/lib/auth/oidc-claims";
import { OidcSignInError } from "@/lib/auth/oidc-error";
import { roleFromClaims, showsSecondFactor } from "@/lib/auth/roles";
import { analystId, endSession, startSession } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Where the identity provider sends the browser back: a session, or the sign-in page's error. */
export const GET = apiRoute(
  { name: "/api/auth/oidc/callback", public: true },
  async ({ request, requestId }) => {
    const settings = oidcSettings();
    if (!settings) {
      return oidcNotEnabled();
    }
    const transaction = await takeTransaction(settings);
    if (!transaction) {
      logOidcFailure("callback", new OidcSignInError("missing_transaction"));
      return signInError(settings, "oidc_failed");
    }
    try {
      const { issuer, identity, claims } = await completeAuthorization(
        settings,
        request.nextUrl.search,
        transaction,
      );
      const id = analystId("oidc", `${issuer}|${identity.sub}`);
      if (!isAllowed(identity, settings)) {
        // Whoever was signed in before is not who just proved their identity: end that too.
        await endSession();
        log.warn({ analyst: id }, "oidc sign-in refused by the allow-list");
        return signInError(settings, "not_allowed");
      }
      const roles = authConfig.mode === "oidc" ? authConfig.roles : null;
      if (roles?.requireMfa && !showsSecondFactor(claims)) {
        await endSession();
        log.warn({ analyst: id }, "oidc sign-in refused: no second factor");
        return signInError(settings, "mfa_required");
      }
      const analyst = await startSession({
        id,
        name: displayName(identity),
        role: roles
          ? roleFromClaims(claims, identity.emailVerified ? identity.email : null, roles)
          : "viewer",
        authMode: "oidc",
      });
      await recordAuditEventQuietly(actorFor(analyst, "oidc"), AUDIT_ACTIONS.signedIn, {
        outcome: "done",
        requestId,
      });
      return redirectTo(new URL(transaction.returnTo, settings.publicUrl));
    } catch (error) {
      logOidcFailure("callback", error);
      return signInError(settings, "oidc_failed");
    }
  },
);
