import { z } from "zod";
import { configurationMessage, describeIssues, emptyAsUndefined } from "../env/schema";

/**
 * Sign-in settings, validated with the rest of the configuration at start-up (next.config.ts).
 * Kept free of `server-only` for the same reason as lib/env/schema.ts.
 */
const list = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean),
    ),
);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyAsUndefined, schema.optional());

export const authEnvSchema = z.object({
  INBOX_AUTH: optional(
    z.enum(["oidc", "passcode", "none"], { error: "must be oidc, passcode or none" }),
  ),
  INBOX_PASSCODE: optional(z.string().min(16, "must be at least 16 characters")),
  INBOX_SESSION_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  INBOX_PUBLIC_URL: optional(
    z
      .url({ protocol: /^https?$/, error: "must be the inbox's own http(s) origin" })
      .transform((value) => new URL(value).origin),
  ),
  OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  INBOX_ALLOWED_EMAILS: list,
  INBOX_ALLOWED_DOMAINS: list,
});

export type AuthMode = "oidc" | "passcode" | "none";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  publicUrl: string;
}

export interface AuthConfig {
  mode: AuthMode;
  passcode: string | null;
  /** Null only in sandbox mode without a configured secret: a random one is made per process. */
  sessionSecret: string | null;
  publicUrl: string | null;
  oidc: OidcSettings | null;
  allowedEmails: string[];
  allowedDomains: string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

export class InvalidAuthConfigError extends Error {
  override name = "InvalidAuthConfigError";
}

/**
 * Reads the sign-in settings. With a real Didit key, personal data is at stake: sign-in must be
 * configured explicitly, and `none` is accepted only while the server listens on loopback.
 */
export function parseAuthConfig(
  source: Record<string, string | undefined>,
  context: { sandbox: boolean; hostname: string },
): AuthConfig {
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new InvalidAuthConfigError(configurationMessage(describeIssues(parsed.error)));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const mode: AuthMode | undefined = env.INBOX_AUTH ?? (context.sandbox ? "none" : undefined);

  if (mode === undefined) {
    problems.push(
      "INBOX_AUTH: DIDIT_API_KEY is set, so sign-in is required. Set INBOX_AUTH=oidc " +
        "(with OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, INBOX_PUBLIC_URL) or " +
        "INBOX_AUTH=passcode (with INBOX_PASSCODE), and INBOX_SESSION_SECRET; " +
        "or INBOX_AUTH=none with HOSTNAME on loopback (127.0.0.1).",
    );
  }
  if (mode === "none" && !context.sandbox && !isLoopbackHost(context.hostname)) {
    problems.push(
      `INBOX_AUTH: "none" with a real DIDIT_API_KEY is allowed only on loopback, but HOSTNAME is ` +
        `${context.hostname}. Use INBOX_AUTH=oidc or INBOX_AUTH=passcode.`,
    );
  }
  if (mode === "passcode" && !env.INBOX_PASSCODE) {
    problems.push("INBOX_PASSCODE: required with INBOX_AUTH=passcode (at least 16 characters).");
  }
  if (mode === "oidc") {
    for (const name of [
      "OIDC_ISSUER",
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
      "INBOX_PUBLIC_URL",
    ] as const) {
      if (!env[name]) problems.push(`${name}: required with INBOX_AUTH=oidc.`);
    }
  }
  if (mode !== "none" && !context.sandbox && !env.INBOX_SESSION_SECRET) {
    problems.push(
      "INBOX_SESSION_SECRET: required with a real DIDIT_API_KEY (at least 32 characters).",
    );
  }
  if (problems.length > 0 || mode === undefined) {
    throw new InvalidAuthConfigError(configurationMessage(problems));
  }

  return {
    mode,
    passcode: env.INBOX_PASSCODE ?? null,
    sessionSecret: env.INBOX_SESSION_SECRET ?? null,
    publicUrl: env.INBOX_PUBLIC_URL ?? null,
    oidc:
      mode === "oidc" &&
      env.OIDC_ISSUER &&
      env.OIDC_CLIENT_ID &&
      env.OIDC_CLIENT_SECRET &&
      env.INBOX_PUBLIC_URL
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            publicUrl: env.INBOX_PUBLIC_URL,
          }
        : null,
    allowedEmails: env.INBOX_ALLOWED_EMAILS,
    allowedDomains: env.INBOX_ALLOWED_DOMAINS,
  };
}
