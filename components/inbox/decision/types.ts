import type { InboxUser } from "@/lib/didit/types";
import type { UserStatus } from "@/lib/inbox/query-state";

/** Where a decision was asked for: it decides where the focus and the outcome go afterwards. */
export type DecisionOrigin = "panel" | "row" | "bulk";

/** The decision the dialog is asking a reason for. */
export interface DecisionDraft {
  users: InboxUser[];
  status: UserStatus;
  origin: DecisionOrigin;
}

/**
 * What the dialog is told once its request has been answered: nothing (it is closed), or why it
 * stays open (a refused body, a change Didit refused or never confirmed), with the reason kept.
 */
export type ConfirmProblem = { message: string; kind: "invalid" | "failed" | "unknown" } | null;

/** A short-lived line about the last decision ("Status set to Active"). */
export interface DecisionNotice {
  id: number;
  tone: "success" | "error";
  text: string;
}
