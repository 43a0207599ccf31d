import { z } from "zod";
import { type OidcRoleSettings, ROLES } from "../auth/roles";
import { type TrustedProxies, trustedProxiesSchema } from "../http/trusted-proxies";
import { sandboxReferenceTimeSchema } from "../sandbox/reference-time";

/**
 * The server's whole configuration, one zod schema over the environment. Parsed by next.config.ts
 * (so a bad value stops `next build` and `next start` alike) and by `lib/env/server.ts` for the
 * app itself. Kept free of `server-only` so the Next config loader can import it.
 *
 * Sign-in is a discriminated union on INBOX_AUTH: each mode names exactly the settings it needs.
 * Two rules span variables and stay refinements: with a real Didit key, `none` is allowed only on
 * loopback, and the session secret is required.
 */

/** An empty or blank variable counts as unset (how `.env` files and shells leave them). */
export const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * No usable Didit key configured: the app serves its built-in sandbox. The one definition of
 * sandbox mode, shared by the configuration, the sandbox routes and next.config.ts.
 */
export function isSandboxKey(key: string | undefined): boolean {
  return emptyAsUndefined(key) === undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The host of the S3 bucket Didit's presigned portrait URLs point at (docs/didit-api.md). */
export const DEFAULT_PORTRAIT_HOST = "service-didit-verification.s3.amazonaws.com";

/** Didit's own limits per key (docs/didit-api.md). */
export const DIDIT_GET_LIMIT_PER_MINUTE = 600;
export const DIDIT_WRITE_LIMIT_PER_MINUTE = 300;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyAsUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(emptyAsUndefined, schema.default(value as never));
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** `a@b.c, D@E.F` → `["a@b.c", "d@e.f"]`; a leading `@` on a domain is dropped. */
const list = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => item.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
);

const publicUrl = z
  .url({ protocol: /^https?$/, error: "must be the inbox's own http(s) origin" })
  .transform((value) => new URL(value).origin);

const common = z.object({
  DIDIT_API_KEY: optional(
    z
      .string()
      .min(8, "must be at least 8 characters")
      .regex(/^\S+$/, "must not contain whitespace"),
  ),
  DIDIT_API_BASE_URL: withDefault(
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://verification.didit.me",
      })
      .refine(
        (value) => !new URL(value).search && !new URL(value).hash,
        "must not have a query or fragment",
      )
      .transform((value) => value.replace(/\/+$/, "")),
    "https://verification.didit.me",
  ),
  DIDIT_TIMEOUT_MS: withDefault(wholeNumber(100, 60_000), 10_000),
  // Retries and their waits included; each attempt's timeout is cut to the time left.
  DIDIT_DEADLINE_MS: withDefault(wholeNumber(100, 120_000), 15_000),
  // Didit allows 600 GET a minute per key; the default leaves headroom for other clients of the
  // key. Above 600 only for a Didit-compatible server on loopback (benchmarks), checked below.
  DIDIT_RATE_LIMIT_PER_MINUTE: withDefault(wholeNumber(1, 1_000_000), 540),
  LOG_LEVEL: withDefault(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    "info",
  ),
  PORT: withDefault(wholeNumber(1, 65_535), 3000),
  HOSTNAME: withDefault(
    z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, "must be a host name or IP address"),
    "127.0.0.1",
  ),
  // Didit allows 300 writes a minute per key; the default leaves the same headroom as for reads.
  DIDIT_WRITE_LIMIT_PER_MINUTE: withDefault(wholeNumber(1, 1_000_000), 270),
  // How long Didit's answers are shared between analysts (0 turns the cache off): list pages and
  // single users, then counts; and the memory the cache may hold.
  DIDIT_CACHE_SECONDS: withDefault(wholeNumber(0, 300), 10),
  DIDIT_COUNT_CACHE_SECONDS: withDefault(wholeNumber(0, 3600), 60),
  DIDIT_CACHE_MAX_MB: withDefault(wholeNumber(1, 4096), 32),
  INBOX_SESSION_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  // The secret before a rotation: cookies it sealed are still accepted while it is set.
  INBOX_SESSION_SECRET_PREVIOUS: optional(z.string().min(32, "must be at least 32 characters")),
  INBOX_PUBLIC_URL: optional(publicUrl),
  // Which proxies may say who the client is (a number of hops, or CIDRs): lib/http/trusted-proxies.ts.
  INBOX_TRUSTED_PROXIES: z.preprocess(emptyAsUndefined, trustedProxiesSchema),
  // Set: PostgreSQL, shared by every instance. Unset: the embedded store in INBOX_DATA_DIR.
  DATABASE_URL: optional(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: "must be a postgres:// or postgresql:// connection URL",
    }),
  ),
  INBOX_DATA_DIR: withDefault(z.string().min(1), "./.data"),
  // Teamwork (lib/teamwork/): how long a claim lasts unless renewed, and four-eyes approval.
  INBOX_CLAIM_MINUTES: withDefault(wholeNumber(1, 24 * 60), 30),
  // `block`: a Block needs a second reviewer; `block,unblock`: so does leaving Blocked.
  INBOX_FOUR_EYES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((item) => item.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(["block", "unblock"], { error: 'must be "block" or "block,unblock"' }))),
  ),
  INBOX_FOUR_EYES_HOURS: withDefault(wholeNumber(1, 30 * 24), 72),
  // The secret Didit's console shows for the webhook URL: it signs every delivery.
  DIDIT_WEBHOOK_SECRET: optional(z.string().trim().min(16, "must be at least 16 characters")),
  // Where portraits may load from (the CSP's img-src): host names, `*.` allowed as the first label.
  DIDIT_PORTRAIT_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(DEFAULT_PORTRAIT_HOST)
      .transform((value) =>
        value
          .split(",")
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/,
                "must be host names such as service-didit-verification.s3.amazonaws.com",
              ),
          )
          .min(1),
      ),
  ),
  // Pins the sandbox's "today" (tests, screenshots); read by lib/sandbox/default-index.ts, checked
  // here so a bad value stops the server at start rather than at the first sandbox request.
  SANDBOX_REFERENCE_TIME: optional(sandboxReferenceTimeSchema),
});

const signIn = z.discriminatedUnion(
  "INBOX_AUTH",
  [
    z.object({ INBOX_AUTH: z.literal("none") }),
    z.object({
      INBOX_AUTH: z.literal("passcode"),
      INBOX_PASSCODE: z.preprocess(
        emptyAsUndefined,
        z.string({ error: "required with INBOX_AUTH=passcode (at least 16 characters)" }).min(16, {
          error: "must be at least 16 characters",
        }),
      ),
    }),
    z.object({
      INBOX_AUTH: z.literal("oidc"),
      OIDC_ISSUER: z.preprocess(
        emptyAsUndefined,
        z.url({
          protocol: /^https?$/,
          error: (issue) =>
            issue.input === undefined ? "required with INBOX_AUTH=oidc" : "must be an http(s) URL",
        }),
      ),
      OIDC_CLIENT_ID: z.preprocess(
        emptyAsUndefined,
        z.string({ error: "required with INBOX_AUTH=oidc" }).min(1),
      ),
      OIDC_CLIENT_SECRET: z.preprocess(
        emptyAsUndefined,
        z.string({ error: "required with INBOX_AUTH=oidc" }).min(1),
      ),
      INBOX_PUBLIC_URL: z.preprocess(
        emptyAsUndefined,
        z.string({ error: "required with INBOX_AUTH=oidc" }).pipe(publicUrl),
      ),
      INBOX_ALLOWED_EMAILS: list,
      INBOX_ALLOWED_DOMAINS: list,
      // Roles (lib/auth/roles.ts): a claim's values mapped to groups, or email lists.
      INBOX_ROLES_CLAIM: withDefault(
        z.string().regex(/^[\w.:/-]{1,100}$/, "must be a claim name"),
        "groups",
      ),
      INBOX_REVIEWER_GROUPS: list,
      INBOX_ADMIN_GROUPS: list,
      INBOX_REVIEWER_EMAILS: list,
      INBOX_ADMIN_EMAILS: list,
      INBOX_DEFAULT_ROLE: withDefault(z.enum(ROLES), "viewer"),
      // Not withDefault: a default skips the transform, and "false" is a truthy string.
      INBOX_REQUIRE_MFA: optional(
        z.enum(["true", "false"], { error: "must be true or false" }),
      ).transform((value) => value === "true"),
    }),
  ],
  {
    error: (issue) =>
      (issue.input as { INBOX_AUTH?: unknown } | undefined)?.INBOX_AUTH === undefined
        ? "DIDIT_API_KEY is set, so sign-in is required. Set INBOX_AUTH=oidc (with OIDC_ISSUER, " +
          "OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, INBOX_PUBLIC_URL) or INBOX_AUTH=passcode (with " +
          "INBOX_PASSCODE), and INBOX_SESSION_SECRET; or INBOX_AUTH=none with HOSTNAME on " +
          "loopback (127.0.0.1)."
        : "must be oidc, passcode or none",
  },
);

export type AuthMode = z.output<typeof signIn>["INBOX_AUTH"];

export type AuthConfig =
  | { mode: "none" }
  | { mode: "passcode"; passcode: string }
  | {
      mode: "oidc";
      issuer: string;
      clientId: string;
      clientSecret: string;
      publicUrl: string;
      allowedEmails: string[];
      allowedDomains: string[];
      roles: OidcRoleSettings;
    };

export interface Config {
  /** No usable key: the built-in sandbox stands in for Didit. */
  sandbox: boolean;
  didit: {
    /** Null in sandbox mode. */
    apiKey: string | null;
    baseUrl: string;
    timeoutMs: number;
    deadlineMs: number;
    rateLimitPerMinute: number;
    writeLimitPerMinute: number;
    /** How long answers are shared (lib/didit/cache.ts), in ms; 0 keeps nothing. */
    cache: { listMs: number; countMs: number; maxBytes: number };
  };
  /** Where the inbox keeps its own state (audit trail, sessions, claims, notes). */
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  server: { hostname: string; port: number };
  logLevel: z.output<typeof common>["LOG_LEVEL"];
  /** The inbox's own public origin, when configured (required for OIDC). */
  publicUrl: string | null;
  /** Host names portraits may load from (the CSP's img-src). */
  portraitHosts: string[];
  /** Which proxies in front of the inbox may name the client (sign-in attempts are per client). */
  trustedProxies: TrustedProxies;
  /** Null only in sandbox mode without one: a random secret is then made per process. */
  sessionSecret: string | null;
  /** Still accepted for cookies sealed before a rotation; never used to seal. */
  previousSessionSecret: string | null;
  auth: AuthConfig;
  teamwork: {
    claimMinutes: number;
    /** Which changes need a second reviewer's approval before Didit is told. */
    fourEyes: { block: boolean; unblock: boolean };
    fourEyesHours: number;
  };
  /** Didit's webhook secret; null when unset (in sandbox mode a random one is made per process). */
  webhookSecret: string | null;
}

const configSchema = z
  .preprocess(
    (raw) => {
      if (!raw || typeof raw !== "object") return raw;
      const source = raw as Record<string, unknown>;
      const mode = emptyAsUndefined(source.INBOX_AUTH);
      // Sandbox data is generated, so sign-in may be left out there.
      const sandbox = isSandboxKey(source.DIDIT_API_KEY as string | undefined);
      return { ...source, INBOX_AUTH: mode ?? (sandbox ? "none" : undefined) };
    },
    z.intersection(common, signIn),
  )
  .superRefine((env, ctx) => {
    const sandbox = env.DIDIT_API_KEY === undefined;
    if (env.INBOX_AUTH === "none" && !sandbox && !isLoopbackHost(env.HOSTNAME)) {
      ctx.addIssue({
        code: "custom",
        path: ["INBOX_AUTH"],
        message:
          `"none" with a real DIDIT_API_KEY is allowed only on loopback, but HOSTNAME is ` +
          `${env.HOSTNAME}. Use INBOX_AUTH=oidc or INBOX_AUTH=passcode.`,
      });
    }
    if (env.INBOX_AUTH !== "none" && !sandbox && !env.INBOX_SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["INBOX_SESSION_SECRET"],
        message: "required with a real DIDIT_API_KEY (at least 32 characters).",
      });
    }
    const loopbackUpstream = isLoopbackHost(new URL(env.DIDIT_API_BASE_URL).hostname);
    const limits = [
      ["DIDIT_RATE_LIMIT_PER_MINUTE", env.DIDIT_RATE_LIMIT_PER_MINUTE, DIDIT_GET_LIMIT_PER_MINUTE],
      [
        "DIDIT_WRITE_LIMIT_PER_MINUTE",
        env.DIDIT_WRITE_LIMIT_PER_MINUTE,
        DIDIT_WRITE_LIMIT_PER_MINUTE,
      ],
    ] as const;
    for (const [name, value, didit] of limits) {
      if (value <= didit || loopbackUpstream) continue;
      ctx.addIssue({
        code: "custom",
        path: [name],
        message:
          `must be at most ${didit}, Didit's own limit per key (more only for a ` +
          "Didit-compatible server on loopback)",
      });
    }
  })
  .transform((env): Config => {
    const auth: AuthConfig =
      env.INBOX_AUTH === "oidc"
        ? {
            mode: "oidc",
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            publicUrl: env.INBOX_PUBLIC_URL,
            allowedEmails: env.INBOX_ALLOWED_EMAILS,
            allowedDomains: env.INBOX_ALLOWED_DOMAINS,
            roles: {
              claim: env.INBOX_ROLES_CLAIM,
              reviewerGroups: env.INBOX_REVIEWER_GROUPS,
              adminGroups: env.INBOX_ADMIN_GROUPS,
              reviewerEmails: env.INBOX_REVIEWER_EMAILS,
              adminEmails: env.INBOX_ADMIN_EMAILS,
              defaultRole: env.INBOX_DEFAULT_ROLE,
              requireMfa: env.INBOX_REQUIRE_MFA,
            },
          }
        : env.INBOX_AUTH === "passcode"
          ? { mode: "passcode", passcode: env.INBOX_PASSCODE }
          : { mode: "none" };
    return {
      sandbox: env.DIDIT_API_KEY === undefined,
      didit: {
        apiKey: env.DIDIT_API_KEY ?? null,
        baseUrl: env.DIDIT_API_BASE_URL,
        timeoutMs: env.DIDIT_TIMEOUT_MS,
        deadlineMs: env.DIDIT_DEADLINE_MS,
        rateLimitPerMinute: env.DIDIT_RATE_LIMIT_PER_MINUTE,
        writeLimitPerMinute: env.DIDIT_WRITE_LIMIT_PER_MINUTE,
        cache: {
          listMs: env.DIDIT_CACHE_SECONDS * 1000,
          countMs: env.DIDIT_COUNT_CACHE_SECONDS * 1000,
          maxBytes: env.DIDIT_CACHE_MAX_MB * 1024 * 1024,
        },
      },
      database: env.DATABASE_URL
        ? { kind: "postgres", url: env.DATABASE_URL }
        : { kind: "pglite", dataDir: env.INBOX_DATA_DIR },
      server: { hostname: env.HOSTNAME, port: env.PORT },
      logLevel: env.LOG_LEVEL,
      publicUrl: env.INBOX_PUBLIC_URL ?? null,
      trustedProxies: env.INBOX_TRUSTED_PROXIES,
      portraitHosts: env.DIDIT_PORTRAIT_HOSTS,
      sessionSecret: env.INBOX_SESSION_SECRET ?? null,
      previousSessionSecret: env.INBOX_SESSION_SECRET_PREVIOUS ?? null,
      auth,
      teamwork: {
        claimMinutes: env.INBOX_CLAIM_MINUTES,
        fourEyes: {
          block: env.INBOX_FOUR_EYES.includes("block"),
          unblock: env.INBOX_FOUR_EYES.includes("unblock"),
        },
        fourEyesHours: env.INBOX_FOUR_EYES_HOURS,
      },
      webhookSecret: env.DIDIT_WEBHOOK_SECRET ?? null,
    };
  });

export class InvalidConfigError extends Error {
  override name = "InvalidConfigError";
}

/** "Invalid configuration:" and one line a problem, each naming its variable (never its value). */
function configurationMessage(error: z.ZodError): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const issue of error.issues) {
    const line = `${issue.path.join(".")}: ${issue.message}`;
    if (!seen.has(line)) lines.push(`  - ${line}`);
    seen.add(line);
  }
  return `Invalid configuration:\n${lines.join("\n")}`;
}

/** Parses the environment or throws a message that names each bad variable (never its value). */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidConfigError(configurationMessage(result.error));
}
