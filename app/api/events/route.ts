import { sessionIsLive } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { getLiveBus } from "@/lib/live/server";
import { liveStream, parseLastEventId } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * `GET /api/events`: Server-Sent Events telling every open inbox and /activity page of claims,
 * notes, decisions and proposals, whoever made them and on whichever instance. Under the same
 * session rules as the rest; an open stream never counts as the analyst's activity, and it ends
 * (`session-ended`) when the session does.
 */
export const GET = apiRoute({ name: "/api/events" }, async ({ request, analyst }) => {
  const sessionId = analyst?.sessionId ?? null;
  const stream = liveStream({
    bus: await getLiveBus(),
    lastEventId: parseLastEventId(
      request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("after"),
    ),
    sessionLive: () => (sessionId === null ? Promise.resolve(true) : sessionIsLive(sessionId)),
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: nothing between here and the browser may buffer or compress it.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
