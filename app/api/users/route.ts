import { BUDGET_HEADER } from "@/lib/api/client";
import { listUsers, readBudgetUsed } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery, json } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ name: "/api/users" }, async ({ request, onUpstream }) => {
  const parsed = parseUsersQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalidQuery(parsed.fields);
  const response = json(await listUsers(parsed.query, { signal: request.signal, onUpstream }));
  response.headers.set(BUDGET_HEADER, readBudgetUsed().toFixed(2));
  return response;
});
