import { listUsers } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery, json } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ name: "/api/users" }, async ({ request, onUpstream }) => {
  const parsed = parseUsersQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalidQuery(parsed.fields);
  return json(await listUsers(parsed.query, { signal: request.signal, onUpstream }));
});
