import { usersCsvResponse } from "@/lib/export/users-csv-response";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

/** The whole view as CSV: the filters of `/api/users`; its page position is ignored. */
export const GET = apiRoute({ name: "/api/users/export" }, async ({ request, onUpstream }) => {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete("limit");
  params.delete("offset");
  const parsed = parseUsersQuery(params);
  if (!parsed.ok) return invalidQuery(parsed.fields);
  return usersCsvResponse(parsed.query, { signal: request.signal, onUpstream });
});
