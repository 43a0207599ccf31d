"use client";

import { useQuery } from "@tanstack/react-query";
import { LocalTime } from "@/components/ui/local-time";
import { ApiError } from "@/lib/api/client";
import { userDetailQueryOptions } from "@/lib/inbox/user-detail-query";
import { DetailRow, DetailSection, none } from "./detail-section";

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** What only Didit's single-user endpoint has: metadata, comments, last update. */
export function DetailExtras({ vendorData }: { vendorData: string | null }) {
  const detail = useQuery({
    ...userDetailQueryOptions(vendorData ?? ""),
    enabled: vendorData !== null,
  });

  if (vendorData === null) {
    return (
      <DetailSection title="Record in Didit">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This user has no vendor data, so Didit's single-user view cannot address it.
        </p>
      </DetailSection>
    );
  }
  if (detail.isPending) {
    return (
      <DetailSection title="Record in Didit">
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading metadata and comments…
        </p>
      </DetailSection>
    );
  }
  if (detail.isError) {
    const gone = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <DetailSection title="Record in Didit">
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {gone ? "This user no longer exists in Didit." : detail.error.message}
        </p>
      </DetailSection>
    );
  }
  const { metadata, comments, updatedAt } = detail.data;
  const entries = Object.entries(metadata);
  return (
    <>
      <DetailSection title="Metadata">
        {entries.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No metadata.</p>
        ) : (
          <dl>
            {entries.map(([key, value]) => (
              <DetailRow key={key} label={key}>
                <span className="font-mono text-xs">{formatValue(value)}</span>
              </DetailRow>
            ))}
          </dl>
        )}
        <dl>
          <DetailRow label="Updated">
            {updatedAt ? <LocalTime value={updatedAt} /> : none}
          </DetailRow>
        </dl>
      </DetailSection>
      <DetailSection title={`Comments (${comments.length})`}>
        {comments.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No comments.</p>
        ) : (
          <ul className="space-y-2">
            {comments.map((comment, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id
              <li key={index} className="rounded-md bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
                <p className="whitespace-pre-wrap">{comment.text}</p>
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                  {comment.author ?? "Unknown author"}
                  {comment.created_at && (
                    <>
                      {" · "}
                      <LocalTime value={comment.created_at} />
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </DetailSection>
    </>
  );
}
