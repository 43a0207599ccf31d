"use client";

import { useEffect } from "react";
import { NotesSection } from "@/components/teamwork/notes-section";
import { TeamSection } from "@/components/teamwork/team-section";
import type { ClaimActions } from "@/components/teamwork/use-claim-actions";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { InboxUser } from "@/lib/didit/types";
import type { UserStatus } from "@/lib/inbox/query-state";
import type { DecisionNotice } from "../decision/types";
import { ContactSection, TagsSection } from "./contact-section";
import { DecisionActions } from "./decision-actions";
import { DetailExtras } from "./detail-extras";
import { HistorySection } from "./history-section";
import { IdentitySection } from "./identity-section";
import { PanelBar } from "./panel-bar";
import { TimelineSection } from "./timeline-section";
import { USER_DETAIL_TITLE_ID, UserHeading, UserMissing } from "./user-heading";
import { VerificationSection } from "./verification-section";

export interface UserDetailPanelProps {
  /** The dialog's id, by which the inbox closes it before moving the focus back to the row. */
  id: string;
  /** Null when the URL names a user that is not on the current page. */
  user: InboxUser | null;
  position: { index: number; total: number } | null;
  onClose: () => void;
  onStep: (delta: 1 | -1) => void;
  /**
   * Opens the reason dialog for a change to `status` (the inbox owns it, as it does for `a`).
   * Null for a viewer: the panel is read-only.
   */
  onDecide: ((status: UserStatus) => void) | null;
  /** What came of the last decision, shown by the buttons. */
  notice: DecisionNotice | null;
  /** Claiming and releasing; null for a viewer, who only sees who is on it. */
  team: ClaimActions | null;
}

/**
 * Every field of one user, in a modal `<dialog>`: a side sheet on wide screens, full screen on
 * narrow ones. Its keys (j/k, arrows, Esc) are the inbox's shortcuts, handled with the others, so
 * none is lost while this code is still loading.
 */
export function UserDetailPanel({
  id,
  user,
  position,
  onClose,
  onStep,
  onDecide,
  notice,
  team,
}: UserDetailPanelProps) {
  const dialog = useModalDialog(onClose);

  // Focus the panel itself when it opens and whenever it shows another user, so a screen reader
  // announces the new name rather than a button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on purpose when the user changes
  useEffect(() => {
    dialog.current?.focus();
  }, [user?.id]);

  return (
    <dialog
      ref={dialog}
      id={id}
      aria-labelledby={USER_DETAIL_TITLE_ID}
      tabIndex={-1}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-none overflow-y-auto overscroll-contain bg-white p-0 text-zinc-900 shadow-2xl outline-none backdrop:bg-zinc-950/30 sm:max-w-xl dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/50"
    >
      <PanelBar position={position} onClose={onClose} onStep={onStep} />
      {user === null ? (
        <UserMissing />
      ) : (
        <div className="px-5 pb-8">
          <UserHeading user={user} />
          <TeamSection user={user} actions={team} />
          {onDecide ? (
            <DecisionActions user={user} onDecide={onDecide} notice={notice} />
          ) : (
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
              Read only: your role (viewer) cannot change a user's status.
            </p>
          )}
          <IdentitySection user={user} />
          <VerificationSection user={user} />
          <ContactSection user={user} />
          <TagsSection user={user} />
          <TimelineSection user={user} />
          <NotesSection user={user} canWrite={team !== null} />
          <DetailExtras vendorData={user.vendorData} />
          <HistorySection user={user} />
        </div>
      )}
    </dialog>
  );
}
