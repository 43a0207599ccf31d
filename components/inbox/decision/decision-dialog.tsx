"use client";

import { type FormEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { buttonClasses, dangerButtonClasses, primaryButtonClasses } from "@/components/ui/field";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import {
  DECISION_LABELS,
  PRESET_REASONS,
  progressText,
  REASON_MAX,
  reasonError,
  STATUS_NAMES,
} from "@/lib/inbox/decisions";
import { displayName } from "../user-detail/user-heading";
import type { ConfirmProblem, DecisionDraft } from "./types";

export interface DecisionDialogProps {
  draft: DecisionDraft;
  onClose: () => void;
  /** Sends the decision; resolves once answered, with why the dialog should stay open, if so. */
  onConfirm: (reason: string) => Promise<ConfirmProblem>;
}

function title({ users, status }: DecisionDraft): string {
  const subject = users.length === 1 && users[0] ? displayName(users[0]) : `${users.length} users`;
  return status === "ACTIVE" ? `Set ${subject} active` : `${DECISION_LABELS[status]} ${subject}`;
}

/**
 * Asks for the reason of one status change, for one user or a selection, in a modal `<dialog>`
 * above the panel. The reason starts empty on purpose: a decision needs the analyst's own words
 * or a preset they chose. Enter confirms (Shift+Enter is a new line), Esc cancels.
 */
export function DecisionDialog({ draft, onClose, onConfirm }: DecisionDialogProps) {
  const dialog = useModalDialog(onClose);
  const box = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<ConfirmProblem>(null);
  const [pending, setPending] = useState(false);
  const ids = useId();
  const titleId = `${ids}-title`;
  const errorId = `${ids}-error`;
  const { users, status } = draft;
  const withoutVendorData = users.filter((user) => user.vendorData === null).length;
  const single = users.length === 1 ? users[0] : undefined;

  // Into the Reason box as soon as the dialog is shown (useModalDialog's effect runs first), so
  // keys typed right after `a` land in it.
  useLayoutEffect(() => {
    box.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const refused = reasonError(reason);
    if (refused) {
      setProblem({ message: refused, kind: "invalid" });
      box.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    const answer = await onConfirm(reason.trim());
    // Closed by then (success, or the analyst cancelled while it ran): nothing more to show here.
    if (!dialog.current?.isConnected) return;
    setPending(false);
    setProblem(answer);
    if (answer) box.current?.focus();
  }

  const confirmClasses = status === "BLOCKED" ? dangerButtonClasses : primaryButtonClasses;
  const retry = problem?.kind === "failed" || problem?.kind === "unknown";

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/60"
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId} className="text-lg font-semibold break-words">
          {title(draft)}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {single
            ? `From ${STATUS_NAMES[single.status as keyof typeof STATUS_NAMES] ?? single.status} to ${STATUS_NAMES[status]}. `
            : `Each of them will be set to ${STATUS_NAMES[status]}. `}
          The reason is recorded in the activity log and sent to Didit.
        </p>
        {withoutVendorData > 0 && !single && (
          <p className="mt-2 text-sm text-amber-900 dark:text-amber-200">
            {withoutVendorData === 1
              ? "1 of them has no vendor data; Didit cannot change it, so it will be reported as failed."
              : `${withoutVendorData} of them have no vendor data; Didit cannot change them, so they will be reported as failed.`}
          </p>
        )}

        <label htmlFor={`${ids}-reason`} className="mt-4 block text-sm font-medium">
          Reason
        </label>
        <textarea
          ref={box}
          id={`${ids}-reason`}
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          aria-invalid={problem?.kind === "invalid"}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (problem?.kind === "invalid") setProblem(null);
          }}
          onKeyDown={(event) => {
            // Enter confirms from the box too; Shift+Enter (or an IME composing) is a new line.
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          className="mt-1 block w-full resize-y rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm text-zinc-900 shadow-xs outline-none focus-visible:border-blue-600 focus-visible:ring-2 focus-visible:ring-blue-600/30 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />

        <fieldset className="mt-3">
          <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Common reasons
          </legend>
          <div className="mt-1 flex flex-wrap gap-1.5">
            {PRESET_REASONS[status].map((preset) => (
              <button
                key={preset}
                type="button"
                aria-pressed={reason === preset}
                onClick={() => {
                  setReason(preset);
                  setProblem(null);
                  // Into the box, so Enter now confirms and the text can still be edited.
                  box.current?.focus();
                }}
                className="rounded-full border border-zinc-300 px-2.5 py-1 text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-blue-600 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100"
              >
                {preset}
              </button>
            ))}
          </div>
        </fieldset>

        {/* Always in the page, so a screen reader hears the progress and what came of it. */}
        <div aria-live="polite" className="mt-3 min-h-5 text-sm">
          {pending ? (
            <p className="text-zinc-700 dark:text-zinc-300">{progressText(users.length)}</p>
          ) : problem ? (
            <p
              id={errorId}
              role="alert"
              className="break-words whitespace-pre-wrap text-red-800 dark:text-red-300"
            >
              {problem.kind === "failed" && "Didit did not make the change: "}
              {problem.kind === "unknown" && "Didit did not confirm the change: "}
              {problem.message}
              {problem.kind === "unknown" && " It is safe to try again."}
            </p>
          ) : null}
        </div>

        <div className="mt-3 flex justify-end gap-2">
          <button type="button" className={buttonClasses} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={confirmClasses} disabled={pending}>
            {retry ? "Try again" : "Confirm"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
