import {
  logOidcFailure,
  oidcNotEnabled,
  oidcSettings,
  redirectTo,
  saveTransaction,
  signInError,
  startAuthorization,
} from "@/lib/auth/oidc";
import { safeReturnTo } from "@/lib/auth/return-to";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Sends the browser to the identity provider. A GET link rather than a form: the CSP's
 * `form-action 'self'` would block a form whose redirect leaves for the provider.
 */
export const GET = apiRoute({ name: "/api/auth/oidc/start", public: true }, async ({ request }) => {
  const settings = oidcSettings();
  if (!settings) {
    return oidcNotEnabled();
  }
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("next"));
  try {
    const { url, transaction } = await startAuthorization(settings, returnTo);
    await saveTransaction(settings, transaction);
    return redirectTo(url);
  } catch (error) {
    // Usually the provider is unreachable (discovery failed): the sign-in page says to try again.
    logOidcFailure("start", error);
    return signInError(settings, "oidc_failed");
  }
});
