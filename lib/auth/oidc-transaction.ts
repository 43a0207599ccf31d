import "server-only";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { safeReturnTo } from "./return-to";

/** The sign-in in progress, between leaving for the provider and coming back. */
export const OIDC_TRANSACTION_COOKIE = "inbox_oidc";
/** Long enough to type a password and pass a second factor; short enough to go stale quickly. */
export const OIDC_TRANSACTION_TTL_SECONDS = 10 * 60;

/**
 * Sealed with the session key, so a session cookie pasted into this cookie (or the reverse)
 * also unseals: the schema is what tells the two apart.
 */
const transactionSchema = z.object({
  codeVerifier: z.string().min(43).max(128),
  state: z.string().min(1).max(512),
  nonce: z.string().min(1).max(512),
  returnTo: z.string().transform((value) => safeReturnTo(value)),
});

export type OidcTransaction = z.infer<typeof transactionSchema>;

export function sealTransaction(transaction: OidcTransaction, password: string): Promise<string> {
  return sealData(transaction, { password, ttl: OIDC_TRANSACTION_TTL_SECONDS });
}

/** The transaction, or null when the cookie is missing, tampered with, expired or malformed. */
export async function unsealTransaction(
  sealed: string | undefined,
  password: string,
): Promise<OidcTransaction | null> {
  if (!sealed) return null;
  try {
    const data = await unsealData<unknown>(sealed, {
      password,
      ttl: OIDC_TRANSACTION_TTL_SECONDS,
    });
    const parsed = transactionSchema.safeParse(data);
    return parsed.success ? parsed.data : null;
  } catch {
    // A seal that is not even well-formed is just another forged cookie.
    return null;
  }
}
