import { z } from "zod";
import { USER_STATUSES } from "@/lib/inbox/query-state";

export const MAX_USERS_PER_DECISION = 200;
export const REASON_MIN = 3;
export const REASON_MAX = 1000;

/** `POST /api/decisions`: one status, one reason, for 1 to 200 users. */
export const decisionRequestSchema = z.object({
  users: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(100),
        /** Null: Didit cannot address this user, and the inbox says so instead of trying. */
        vendorData: z.string().min(1).max(200).nullable(),
        /** The status the analyst saw, recorded as "before" in the audit trail. */
        status: z.string().trim().min(1).max(50).nullish(),
      }),
    )
    .min(1, "choose at least one user")
    .max(MAX_USERS_PER_DECISION, `at most ${MAX_USERS_PER_DECISION} users at once`),
  status: z.enum(USER_STATUSES, { error: `must be one of ${USER_STATUSES.join(", ")}` }),
  reason: z
    .string({ error: "is required" })
    .trim()
    .min(REASON_MIN, `must be at least ${REASON_MIN} characters`)
    .max(REASON_MAX, `must be at most ${REASON_MAX} characters`),
});

export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
export type DecisionTarget = DecisionRequest["users"][number];

/** What came of one user's change, as the browser is told. */
export interface UserOutcome {
  id: string;
  vendorData: string | null;
  /**
   * `unknown`: Didit's answer never came (a timeout or a cut connection); trying again is safe.
   * `proposed`: four-eyes is on, so nothing was sent; another reviewer must approve it.
   */
  outcome: "done" | "failed" | "unknown" | "proposed";
  /** Didit's HTTP status, or the inbox's error code. */
  code: string;
  message: string;
  /** The user's status as Didit reports it after the change, when known. */
  status: string | null;
}

export interface DecisionResponse {
  status: DecisionRequest["status"];
  results: UserOutcome[];
  summary: { done: number; failed: number; unknown: number; proposed: number };
}
