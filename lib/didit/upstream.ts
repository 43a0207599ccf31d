import "server-only";
import { config } from "@/lib/env/server";
import { SANDBOX_API_KEY } from "@/lib/sandbox/constants";

export interface Upstream {
  /** Without a trailing slash; the client appends `/v3/users/`. */
  baseUrl: string;
  apiKey: string;
  /** Longest one attempt may take (DIDIT_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longest a whole request may take, retries and their waits included (DIDIT_DEADLINE_MS). */
  deadlineMs: number;
  /** Attempts this instance may send in any 60 s (DIDIT_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** Writes this instance may send in any 60 s (DIDIT_WRITE_LIMIT_PER_MINUTE). */
  writeLimitPerMinute: number;
  sandbox: boolean;
}

/** The address the server can reach itself on, whatever interface it listens on. */
export function selfHost(hostname: string): string {
  if (hostname === "0.0.0.0") return "127.0.0.1";
  if (hostname === "::" || hostname === "[::]") return "[::1]";
  if (hostname.includes(":") && !hostname.startsWith("[")) return `[${hostname}]`;
  return hostname;
}

const { didit, server } = config;
const limits = {
  timeoutMs: didit.timeoutMs,
  deadlineMs: didit.deadlineMs,
  rateLimitPerMinute: didit.rateLimitPerMinute,
  writeLimitPerMinute: didit.writeLimitPerMinute,
};

/**
 * Where Didit is. Without a key the built-in sandbox is served by this same server under
 * `/sandbox`, so sandbox mode runs the very HTTP path production does.
 */
export const upstream: Upstream = config.sandbox
  ? {
      baseUrl: `http://${selfHost(server.hostname)}:${server.port}/sandbox`,
      apiKey: SANDBOX_API_KEY,
      ...limits,
      sandbox: true,
    }
  : {
      baseUrl: didit.baseUrl,
      apiKey: didit.apiKey ?? "",
      ...limits,
      sandbox: false,
    };
