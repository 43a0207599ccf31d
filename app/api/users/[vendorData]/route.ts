import { getUser } from "@/lib/didit/client";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** One user by `vendor_data`, with what only Didit's single-user endpoint carries. */
export const GET = apiRoute<{ vendorData: string }>(
  { name: "/api/users/[vendorData]" },
  async ({ request, params, onUpstream }) => {
    const vendorData = params.vendorData;
    if (vendorData.length === 0 || vendorData.length > 200) {
      return json(
        { error: { code: "invalid_query", message: "A user reference is 1 to 200 characters." } },
        { status: 400 },
      );
    }
    return json(await getUser(vendorData, { signal: request.signal, onUpstream }));
  },
);
