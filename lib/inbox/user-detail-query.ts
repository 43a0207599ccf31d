import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { InboxUserDetail } from "@/lib/didit/types";

/** One user through Didit's single-user endpoint (metadata, comments, last update). */
export function userDetailQueryOptions(vendorData: string) {
  return queryOptions({
    queryKey: queryKeys.users.detail(vendorData),
    queryFn: ({ signal }) =>
      apiFetch<InboxUserDetail>(
        `/api/users/detail?${new URLSearchParams({ vendor_data: vendorData })}`,
        { signal },
      ),
    staleTime: 30_000,
  });
}
