import type { NextRequest } from "next/server";
import { listUsers } from "@/lib/didit/client";
import { errorResponse, invalidQuery, json } from "@/lib/http/responses";
import { parseUsersQuery } from "@/lib/inbox/query-state";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const parsed = parseUsersQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return invalidQuery(parsed.fields);
  try {
    return json(await listUsers(parsed.query, { signal: request.signal }));
  } catch (error) {
    return errorResponse(error);
  }
}
