import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { ACTIVITY_HEADER } from "@/lib/api/activity";
import { hasRole, type Role } from "@/lib/auth/roles";
import { type Analyst, currentAnalyst } from "@/lib/auth/session";
import type { UpstreamInfo } from "@/lib/didit/client";
import { log } from "@/lib/log";
import { runForParty } from "@/lib/runtime/request-party";
import { apiError, errorResponse } from "./responses";
import { isSameOrigin } from "./same-origin";

export interface ApiContext<P> {
  request: NextRequest;
  params: P;
  /** The signed-in analyst; null only on public routes. */
  analyst: Analyst | null;
  /** This request's id, as the access log and the audit trail carry it. */
  requestId: string;
  /** Pass to the Didit client so the access log can say how the upstream did. */
  onUpstream: (info: UpstreamInfo) => void;
}

/** Runs `work` as the analyst's (their share of Didit's rate budget: lib/runtime/request-party.ts). */
function forAnalyst<T>(analyst: Analyst | null, work: () => Promise<T>): Promise<T> {
  return analyst ? runForParty(analyst.id, work) : work();
}

/** What a caller's own request id may look like: short, and nothing a log or a header would mangle. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id this request is logged and audited under: the caller's `x-request-id` (a proxy's, so its
 * logs and ours can be joined) when it is safe to echo, else a fresh one. Never a truncated or
 * rewritten copy of what was sent: an id that is not safe as given is not used at all.
 */
export function requestIdFor(given: string | null): string {
  return given !== null && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

interface ApiRouteOptions {
  /** Log name of the route (its path pattern, never the concrete URL: that can hold a search). */
  name: string;
  /** State-changing routes must come from a page of this app. */
  checkOrigin?: boolean;
  /** Sign-in and sign-out are reachable without a session; everything else is not. */
  public?: boolean;
  /** The least role that may call it (lib/auth/roles.ts); `viewer` unless said. */
  role?: Role;
}

const ROLE_REFUSAL: Record<Role, string> = {
  viewer: "Sign in to use the inbox.",
  reviewer: "Your role is viewer: you can read the inbox, but not change, export, claim or note.",
  admin: "Only an admin can do this.",
};

/**
 * Every API route handler goes through here: the session and the analyst's role are checked
 * inside the handler itself (never trusting middleware or hidden buttons), errors become JSON, and
 * one access-log line is written with operational fields only.
 */
export function apiRoute<P = Record<string, never>>(
  options: ApiRouteOptions,
  handler: (context: ApiContext<P>) => Promise<Response>,
) {
  return async (request: NextRequest, segment?: { params: Promise<P> }) => {
    const started = performance.now();
    const requestId = requestIdFor(request.headers.get("x-request-id"));
    let upstream: UpstreamInfo | undefined;
    let analyst: Analyst | null = null;
    let response: Response;
    try {
      if (options.checkOrigin && !isSameOrigin(request)) {
        response = apiError("forbidden_origin", "This request did not come from the inbox.");
      } else {
        // Only the analyst's own requests slide the idle timeout (lib/api/activity.ts).
        analyst = await currentAnalyst(request.headers.get(ACTIVITY_HEADER) === "1");
        const role = options.role ?? "viewer";
        response =
          !analyst && !options.public
            ? apiError("unauthenticated", "Sign in to use the inbox.")
            : analyst && !hasRole(analyst.role, role)
              ? apiError("forbidden_role", ROLE_REFUSAL[role])
              : await forAnalyst(analyst, async () =>
                  handler({
                    request,
                    params: ((await segment?.params) ?? {}) as P,
                    analyst,
                    requestId,
                    onUpstream: (info) => {
                      upstream = info;
                    },
                  }),
                );
      }
    } catch (error) {
      response = errorResponse(error);
    }
    response.headers.set("x-request-id", requestId);
    log.info(
      {
        requestId,
        route: options.name,
        method: request.method,
        status: response.status,
        durationMs: Math.round(performance.now() - started),
        ...(upstream && {
          upstreamStatus: upstream.status,
          upstreamMs: Math.round(upstream.durationMs),
          upstreamAttempts: upstream.attempts,
        }),
        ...(analyst && { analyst: analyst.id }),
      },
      "request",
    );
    return response;
  };
}
