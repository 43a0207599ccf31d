import { buttonClasses, dangerButtonClasses } from "@/components/ui/field";
import type { InboxUser } from "@/lib/didit/types";
import { DECISION_KEYS, DECISION_LABELS, decisionTargets } from "@/lib/inbox/decisions";
import type { UserStatus } from "@/lib/inbox/query-state";
import type { DecisionNotice } from "../decision/types";

export interface DecisionActionsProps {
  user: InboxUser;
  onDecide: (status: UserStatus) => void;
  notice: DecisionNotice | null;
}

/**
 * The status changes that make sense from the user's current status, each opening the reason
 * dialog, and what came of the last one. A user without vendor data cannot be addressed by
 * Didit's update-status, so the panel says so instead of offering buttons that would fail.
 */
export function DecisionActions({ user, onDecide, notice }: DecisionActionsProps) {
  return (
    <section aria-label="Change status" className="pb-4">
      {user.vendorData === null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This user has no vendor data, so Didit cannot change their status.
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {decisionTargets(user.status).map((status) => (
            <button
              key={status}
              type="button"
              // Named by the action alone; the key is said by aria-keyshortcuts.
              aria-label={DECISION_LABELS[status]}
              aria-keyshortcuts={DECISION_KEYS[status]}
              className={status === "BLOCKED" ? dangerButtonClasses : buttonClasses}
              onClick={() => onDecide(status)}
            >
              {DECISION_LABELS[status]}
              <kbd className="rounded border border-current/30 px-1 font-mono text-xs opacity-70">
                {DECISION_KEYS[status]}
              </kbd>
            </button>
          ))}
        </div>
      )}
      {/* Always present, so the outcome of a decision is announced when it arrives. */}
      <p
        role="status"
        className={`mt-2 min-h-5 text-sm ${notice?.tone === "error" ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}
      >
        {notice?.text}
      </p>
    </section>
  );
}
