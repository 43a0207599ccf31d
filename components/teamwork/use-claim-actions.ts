"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { Workspace } from "@/lib/api/types";
import { type ClaimTarget, claimUser, releaseUser } from "./teamwork-queries";

export interface ClaimQuestion {
  userId: string;
  holder: string;
}

/**
 * Claiming, renewing, taking over and releasing, shared by the `c` key and the panel's buttons.
 * Claiming a user someone else holds does not take it: it asks (`question`), and "Take over"
 * answers yes.
 */
export function useClaimActions(workspaceRef: React.RefObject<Workspace | undefined>) {
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState<ClaimQuestion | null>(null);
  const [message, setMessage] = useState<{ userId: string; text: string } | null>(null);
  const busy = useRef(false);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.teamwork.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.queues.all });
  }, [queryClient]);

  const claim = useCallback(
    async (user: ClaimTarget, takeOver = false): Promise<void> => {
      const held = workspaceRef.current?.claims[user.id];
      if (!takeOver && held && !held.mine) {
        setQuestion({ userId: user.id, holder: held.analyst.name });
        return;
      }
      if (busy.current) return;
      busy.current = true;
      try {
        await claimUser(user, takeOver);
        setQuestion(null);
        setMessage(null);
      } catch (error) {
        if (error instanceof ApiError && error.code === "claimed") {
          // Someone claimed it a moment ago: ask, naming them once the workspace says who.
          setQuestion({ userId: user.id, holder: "someone else" });
        } else {
          setMessage({
            userId: user.id,
            text: error instanceof Error ? error.message : "The claim was not made.",
          });
        }
      } finally {
        busy.current = false;
        refresh();
      }
    },
    [workspaceRef, refresh],
  );

  const release = useCallback(
    async (userId: string) => {
      try {
        await releaseUser(userId);
        setMessage(null);
      } catch (error) {
        setMessage({
          userId,
          text: error instanceof Error ? error.message : "The claim was not released.",
        });
      } finally {
        refresh();
      }
    },
    [refresh],
  );

  /** Renews the analyst's own claim quietly (the panel keeps the user open). */
  const renew = useCallback(
    (user: ClaimTarget) => {
      void claimUser(user).then(refresh, refresh);
    },
    [refresh],
  );

  return {
    claim,
    release,
    renew,
    question,
    dismissQuestion: useCallback(() => setQuestion(null), []),
    message,
  };
}

export type ClaimActions = ReturnType<typeof useClaimActions>;
