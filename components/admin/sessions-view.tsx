"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { buttonClasses, dangerButtonClasses } from "@/components/ui/field";
import { NowProvider } from "@/components/ui/now";
import { RelativeTime } from "@/components/ui/relative-time";
import { apiFetch } from "@/lib/api/client";
import type { SessionSummary } from "@/lib/api/types";

const SESSIONS_KEY = ["admin", "sessions"] as const;

const CELL = "border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800";

/** Every live session, with a way to end one, or all of one analyst's (admins only). */
export function SessionsView({ renderedAt }: { renderedAt: number }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) =>
      apiFetch<{ sessions: SessionSummary[] }>("/api/admin/sessions", { signal }),
  });
  const end = useMutation({
    mutationFn: (target: { handle: string } | { analystId: string }) =>
      apiFetch<{ ended: number }>(
        "handle" in target
          ? `/api/admin/sessions/${target.handle}`
          : `/api/admin/sessions?analyst=${encodeURIComponent(target.analystId)}`,
        { method: "DELETE" },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });

  if (sessions.isError) {
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        {sessions.error.message}{" "}
        <button type="button" className={buttonClasses} onClick={() => void sessions.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  const rows = sessions.data?.sessions;
  return (
    <NowProvider renderedAt={renderedAt}>
      <div className="flex flex-col gap-3">
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {rows === undefined
            ? "Loading sessions…"
            : `${rows.length} live session${rows.length === 1 ? "" : "s"}.`}
          {end.isError && ` ${end.error.message}`}
        </p>
        {rows && rows.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table aria-label="Sessions" className="w-full border-collapse text-left text-sm">
              <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  {["Analyst", "Role", "Sign-in", "Since", "Last active", ""].map((label) => (
                    <th
                      key={label}
                      scope="col"
                      className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"
                    >
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((session) => (
                  <tr key={session.handle}>
                    <td className={CELL}>
                      <span className="font-medium">{session.analystName}</span>
                      {session.current && (
                        <span className="ml-2 text-xs text-zinc-500">(this session)</span>
                      )}
                      <div className="font-mono text-xs text-zinc-500">{session.analystId}</div>
                    </td>
                    <td className={CELL}>{session.role}</td>
                    <td className={CELL}>
                      {session.authMode === "passcode" ? "passcode (self-declared name)" : "OIDC"}
                    </td>
                    <td className={CELL}>
                      <RelativeTime value={session.createdAt} />
                    </td>
                    <td className={CELL}>
                      <RelativeTime value={session.lastSeenAt} />
                    </td>
                    <td className={`${CELL} whitespace-nowrap`}>
                      <div className="flex gap-2">
                        <button
                          type="button"
                          disabled={end.isPending}
                          className={dangerButtonClasses}
                          aria-label={`End session of ${session.analystName}`}
                          onClick={() => end.mutate({ handle: session.handle })}
                        >
                          End session
                        </button>
                        <button
                          type="button"
                          disabled={end.isPending}
                          className={buttonClasses}
                          aria-label={`End all sessions of ${session.analystName}`}
                          onClick={() => end.mutate({ analystId: session.analystId })}
                        >
                          End all of theirs
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </NowProvider>
  );
}
