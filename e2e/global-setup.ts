import { startFakeDidit } from "./fake-didit";
import { startOidcProvider } from "./oidc-provider";
import { FAKE_DIDIT_PORT, OIDC_PROVIDER_PORT } from "./servers";

/**
 * Starts the fake Didit the live apps talk to and the OpenID Connect provider the OIDC app signs
 * in with; Playwright calls the returned teardown.
 */
export default async function globalSetup() {
  const [stopFakeDidit, stopOidcProvider] = await Promise.all([
    startFakeDidit(FAKE_DIDIT_PORT),
    startOidcProvider(OIDC_PROVIDER_PORT),
  ]);
  return async () => {
    await Promise.all([stopFakeDidit(), stopOidcProvider()]);
  };
}
