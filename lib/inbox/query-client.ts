import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/client";

/** 4xx answers are final (bad filter, rejected key, rate limit); anything else is retried once. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server-rendered page is fresh; do not refetch it the moment it hydrates.
        staleTime: 30_000,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** One client per request on the server (no data shared between analysts), one in the browser. */
export function getBrowserQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
