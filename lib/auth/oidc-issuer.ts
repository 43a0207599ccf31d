import { isLoopbackHost } from "@/lib/env/schema";

/**
 * openid-client refuses plain http, rightly. It is tolerated only for a provider on this very
 * machine (local development and the end-to-end tests), where nothing crosses a network.
 */
export function allowsInsecureIssuer(issuer: URL): boolean {
  return issuer.protocol === "http:" && isLoopbackHost(issuer.hostname);
}
