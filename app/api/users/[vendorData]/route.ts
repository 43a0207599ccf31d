import { getUser } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** One user by `vendor_data`, with what only Didit's single-user endpoint carries. */
export const GET = apiRoute<{ vendorData: string }>(
  { name: "/api/users/[vendorData]" },
  async ({ request, params, onUpstream }) => {
    const vendorData = params.vendorData;
    if (vendorData.length === 0 || vendorData.length > 200) {
      return apiError("invalid_query", "A user reference is 1 to 200 characters.");
    }
    return json(await getUser(vendorData, { signal: request.signal, onUpstream }));
  },
);
