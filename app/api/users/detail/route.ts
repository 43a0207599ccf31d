import { z } from "zod";
import { getUser } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * `GET /api/users/detail?vendor_data=…`: one user, with what only Didit's single-user endpoint
 * carries. The reference is a query parameter, not a path segment, so every `vendor_data` is
 * reachable as it is: `export`, `..`, `a/b` and `100%` included, with no route to shadow it and no
 * path normalisation to rewrite it.
 */
const detailQuerySchema = z.object({
  vendor_data: z
    .string({ error: "is required" })
    .min(1, "must be 1 to 200 characters")
    .max(200, "must be 1 to 200 characters"),
});

export const GET = apiRoute({ name: "/api/users/detail" }, async ({ request, onUpstream }) => {
  const parsed = detailQuerySchema.safeParse({
    vendor_data: request.nextUrl.searchParams.get("vendor_data") ?? undefined,
  });
  if (!parsed.success) {
    return invalidQuery({ vendor_data: parsed.error.issues[0]?.message ?? "is invalid" });
  }
  return json(await getUser(parsed.data.vendor_data, { signal: request.signal, onUpstream }));
});
