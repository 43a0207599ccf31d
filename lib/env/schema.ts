import { z } from "zod";

/**
 * The server's configuration. Parsed once at start-up (next.config.ts imports this, so a bad value
 * stops `next build` and `next start` alike) and again by `lib/env/server.ts` for the app itself.
 * Kept free of `server-only` so the Next config loader can import it.
 */
/** An empty or blank variable counts as unset (how `.env` files and shells leave them). */
export const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const envSchema = z.object({
  DIDIT_API_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .min(8, "must be at least 8 characters")
      .regex(/^\S+$/, "must not contain whitespace")
      .optional(),
  ),
  DIDIT_API_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://verification.didit.me",
      })
      .refine(
        (value) => !new URL(value).search && !new URL(value).hash,
        "must not have a query or fragment",
      )
      .transform((value) => value.replace(/\/+$/, ""))
      .default("https://verification.didit.me"),
  ),
  DIDIT_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(60_000).default(10_000),
  ),
  // Retries and their waits included; each attempt's timeout is cut to the time left.
  DIDIT_DEADLINE_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(120_000).default(15_000),
  ),
  // Didit allows 600 GET a minute per key; the default leaves headroom for other clients of the key.
  DIDIT_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(600, "must be at most 600, Didit's own limit per key")
      .default(540),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65_535).default(3000)),
  HOSTNAME: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, "must be a host name or IP address")
      .default("127.0.0.1"),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvError extends Error {
  override name = "InvalidEnvError";
}

/** "Invalid configuration:" and one line a problem, each naming its variable (never its value). */
export function configurationMessage(problems: readonly string[]): string {
  return `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`;
}

/** Each zod issue as "VARIABLE: reason". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

/** Parses the environment or throws a message that names each bad variable (never its value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvError(configurationMessage(describeIssues(result.error)));
}
