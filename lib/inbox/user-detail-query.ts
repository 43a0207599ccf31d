import { queryOptions } from "@tanstack/react-query";
import type { InboxUserDetail } from "@/lib/didit/schema";
import { ApiError } from "./api-error";

export function userDetailQueryOptions(vendorData: string) {
  return queryOptions({
    queryKey: ["user", vendorData] as const,
    queryFn: async ({ signal }): Promise<InboxUserDetail> => {
      const response = await fetch(`/api/users/${encodeURIComponent(vendorData)}`, {
        signal,
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw await ApiError.from(response);
      return (await response.json()) as InboxUserDetail;
    },
    staleTime: 30_000,
  });
}
