import "server-only";
import { env, isSandboxMode } from "@/lib/env/server";
import { SANDBOX_API_KEY } from "@/lib/sandbox/constants";

export interface Upstream {
  /** Without a trailing slash; the client appends `/v3/users/`. */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  sandbox: boolean;
}

/** The address the server can reach itself on, whatever interface it listens on. */
function selfHost(hostname: string): string {
  if (hostname === "0.0.0.0") return "127.0.0.1";
  if (hostname === "::" || hostname === "[::]") return "[::1]";
  if (hostname.includes(":") && !hostname.startsWith("[")) return `[${hostname}]`;
  return hostname;
}

/**
 * Where Didit is. Without a key the built-in sandbox is served by this same server under
 * `/sandbox`, so sandbox mode runs the very HTTP path production does.
 */
export const upstream: Upstream = isSandboxMode
  ? {
      baseUrl: `http://${selfHost(env.HOSTNAME)}:${env.PORT}/sandbox`,
      apiKey: SANDBOX_API_KEY,
      timeoutMs: env.DIDIT_TIMEOUT_MS,
      sandbox: true,
    }
  : {
      baseUrl: env.DIDIT_API_BASE_URL,
      apiKey: env.DIDIT_API_KEY ?? "",
      timeoutMs: env.DIDIT_TIMEOUT_MS,
      sandbox: false,
    };
