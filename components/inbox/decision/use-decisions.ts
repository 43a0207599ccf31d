"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ApiError, apiFetch } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { DecisionResponse } from "@/lib/decisions/request";
import type { InboxUser } from "@/lib/didit/types";
import { STATUS_NAMES } from "@/lib/inbox/decisions";
import { displayName } from "../user-detail/user-heading";
import type { ConfirmProblem, DecisionDraft, DecisionNotice } from "./types";

/** One user's line in a bulk change's results. */
export interface BulkEntry {
  id: string;
  name: string;
  outcome: "done" | "failed" | "unknown" | "proposed";
  message: string;
}

export interface BulkOutcome {
  status: DecisionDraft["status"];
  summary: DecisionResponse["summary"];
  entries: BulkEntry[];
}

export interface DecisionCallbacks {
  /** A single user's change was made: where the panel or the focus goes next. */
  onSingleDone: (draft: DecisionDraft, user: InboxUser) => void;
  /** A bulk change was answered: which rows stay selected. */
  onBulkDone: (draft: DecisionDraft, outcome: BulkOutcome) => void;
}

const NOTICE_MS = 5000;

function requestBody(draft: DecisionDraft, reason: string) {
  return {
    users: draft.users.map(({ id, vendorData, status }) => ({ id, vendorData, status })),
    status: draft.status,
    reason,
  };
}

/** The server's own words for a refused request, with its per-field reasons. */
function problemFrom(error: unknown): NonNullable<ConfirmProblem> {
  if (error instanceof ApiError) {
    const fields = Object.entries(error.fields ?? {}).map(([field, why]) => `${field} ${why}`);
    return {
      kind: "invalid",
      message: fields.length > 0 ? `${error.message} (${fields.join("; ")})` : error.message,
    };
  }
  // No answer at all: the request may or may not have reached the server.
  return { kind: "unknown", message: "The inbox server could not be reached." };
}

/**
 * The decision dialog's state and the one request it sends. The draft is also kept in a ref that
 * changes with the key press that opened it, so keys typed before the dialog's code has loaded
 * already go to the dialog, not the table. Every answer refreshes the users' pages, counts,
 * details and histories (`users.all`) and the activity log, whatever came of it: a failed or
 * unknown change may still have reached Didit.
 */
export function useDecisions(callbacks: DecisionCallbacks) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DecisionDraft | null>(null);
  const draftRef = useRef<DecisionDraft | null>(null);
  const [notice, setNotice] = useState<DecisionNotice | null>(null);
  const [bulkPending, setBulkPending] = useState(0);
  const [bulkOutcome, setBulkOutcome] = useState<BulkOutcome | null>(null);
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const noticeId = useRef(0);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const say = useCallback((tone: DecisionNotice["tone"], text: string) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, tone, text });
  }, []);

  const open = useCallback((next: DecisionDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  const close = useCallback(() => {
    draftRef.current = null;
    setDraft(null);
  }, []);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
  }, [queryClient]);

  const confirm = useCallback(
    async (sent: DecisionDraft, reason: string): Promise<ConfirmProblem> => {
      const bulk = sent.origin === "bulk";
      if (bulk) {
        setBulkPending(sent.users.length);
        setBulkOutcome(null);
      }
      let response: DecisionResponse;
      try {
        response = await apiFetch<DecisionResponse>("/api/decisions", {
          method: "POST",
          body: requestBody(sent, reason),
        });
      } catch (error) {
        if (bulk) setBulkPending(0);
        const problem = problemFrom(error);
        // Cancelled while it ran: the dialog is gone, so the panel or page says it.
        if (draftRef.current !== sent) say("error", problem.message);
        return problem;
      } finally {
        refresh();
      }
      const stillOpen = draftRef.current === sent;

      if (bulk) {
        setBulkPending(0);
        const names = new Map(sent.users.map((user) => [user.id, displayName(user)]));
        const outcome: BulkOutcome = {
          status: sent.status,
          summary: response.summary,
          entries: response.results.map((result) => ({
            id: result.id,
            name: names.get(result.id) ?? result.vendorData ?? result.id,
            outcome: result.outcome,
            message: result.message,
          })),
        };
        // Closed at once (and the focus given back) before the inbox moves it on.
        flushSync(() => {
          setBulkOutcome(outcome);
          if (stillOpen) close();
        });
        callbacksRef.current.onBulkDone(sent, outcome);
        return null;
      }

      const [result] = response.results;
      const user = sent.users[0];
      if (!result || !user) return { kind: "unknown", message: "The inbox sent no result." };
      if (result.outcome === "done") {
        flushSync(() => {
          say("success", `Status set to ${STATUS_NAMES[sent.status]} for ${displayName(user)}.`);
          if (stillOpen) close();
        });
        callbacksRef.current.onSingleDone(sent, user);
        return null;
      }
      if (result.outcome === "proposed") {
        // Four-eyes: nothing changed yet, so the user stays where they are.
        flushSync(() => {
          say("success", `${displayName(user)}: ${result.message}`);
          if (stillOpen) close();
        });
        return null;
      }
      const problem: NonNullable<ConfirmProblem> = {
        kind: result.outcome,
        message: result.message,
      };
      if (!stillOpen)
        say(
          "error",
          `${displayName(user)}: ${result.outcome === "failed" ? "not changed" : "outcome unknown"}. ${result.message}`,
        );
      return problem;
    },
    [close, refresh, say],
  );

  return {
    draft,
    draftRef,
    open,
    close,
    confirm,
    notice,
    bulkPending,
    bulkOutcome,
    dismissBulkOutcome: useCallback(() => setBulkOutcome(null), []),
  };
}
