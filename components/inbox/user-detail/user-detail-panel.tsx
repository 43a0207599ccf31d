"use client";

import { type KeyboardEvent, useEffect, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClasses } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import type { InboxUser } from "@/lib/didit/schema";
import { FeatureChip } from "../feature-chip";
import { StatusBadge } from "../status-badge";
import { TagPill } from "../tag-pill";
import { DetailExtras } from "./detail-extras";
import { DetailRow, DetailSection, none } from "./detail-section";
import { Portrait } from "./portrait";

export interface UserDetailPanelProps {
  /** Null when the URL names a user that is not on the current page. */
  user: InboxUser | null;
  position: { index: number; total: number } | null;
  onClose: () => void;
  onStep: (delta: 1 | -1) => void;
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return none;
  return (
    <ul>
      {items.map((item) => (
        <li key={item} className="break-all">
          {item}
        </li>
      ))}
    </ul>
  );
}

/**
 * Every field of one user. A side sheet on wide screens, full screen on narrow ones; a modal
 * dialog either way, so focus stays inside until it closes (Esc or the close button).
 */
export function UserDetailPanel({ user, position, onClose, onStep }: UserDetailPanelProps) {
  const panel = useRef<HTMLDivElement>(null);

  // Focus the panel when it opens and whenever it shows another user, for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on purpose when the user changes
  useEffect(() => {
    panel.current?.focus();
  }, [user?.id]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (event.key === "ArrowDown" || event.key === "j") {
      event.preventDefault();
      onStep(1);
    } else if (event.key === "ArrowUp" || event.key === "k") {
      event.preventDefault();
      onStep(-1);
    } else if (event.key === "Tab") {
      // Keep Tab inside the dialog.
      const focusable = panel.current?.querySelectorAll<HTMLElement>(
        "button, a[href], [tabindex='0']",
      );
      if (!focusable || focusable.length === 0) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (
        event.shiftKey &&
        (document.activeElement === first || document.activeElement === panel.current)
      ) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  }

  const name = user?.effectiveName ?? user?.vendorData ?? "Unnamed user";

  return (
    <div className="fixed inset-0 z-40 flex justify-end">
      <button
        type="button"
        aria-label="Close user details"
        tabIndex={-1}
        onClick={onClose}
        className="absolute inset-0 bg-zinc-950/30 dark:bg-black/50"
      />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="user-detail-title"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className="relative flex h-full w-full flex-col overflow-y-auto bg-white shadow-2xl outline-none sm:max-w-xl dark:bg-zinc-900"
      >
        <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {position ? `User ${position.index + 1} of ${position.total} on this page` : "User"}
          </p>
          <div className="flex items-center gap-1">
            <button
              type="button"
              className={buttonClasses}
              aria-label="Previous user"
              disabled={!position || position.index === 0}
              onClick={() => onStep(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className={buttonClasses}
              aria-label="Next user"
              disabled={!position || position.index >= position.total - 1}
              onClick={() => onStep(1)}
            >
              ↓
            </button>
            <button type="button" className={buttonClasses} onClick={onClose}>
              Close
            </button>
          </div>
        </div>

        {user === null ? (
          <div className="px-5 py-10">
            <h2 id="user-detail-title" className="text-lg font-semibold">
              User not in this view
            </h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              The linked user is not on this page of the inbox any more: their status or the filters
              may have changed.
            </p>
          </div>
        ) : (
          <div className="px-5 pb-8">
            <div className="flex items-start gap-4 py-4">
              <Portrait url={user.portraitUrl} name={name} />
              <div className="min-w-0">
                <h2 id="user-detail-title" className="text-xl font-semibold break-words">
                  {name}
                </h2>
                {user.fullName && user.fullName !== user.effectiveName && (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">{user.fullName}</p>
                )}
                <div className="mt-2">
                  <StatusBadge status={user.status} />
                </div>
              </div>
            </div>

            <DetailSection title="Identity">
              <dl>
                <DetailRow label="Vendor data">
                  {user.vendorData ? (
                    <span className="flex items-center gap-2">
                      <code className="font-mono text-xs break-all">{user.vendorData}</code>
                      <CopyButton value={user.vendorData} label="vendor data" />
                    </span>
                  ) : (
                    none
                  )}
                </DetailRow>
                <DetailRow label="Didit ID">
                  <span className="flex items-center gap-2">
                    <code className="font-mono text-xs break-all">{user.id}</code>
                    <CopyButton value={user.id} label="Didit ID" />
                  </span>
                </DetailRow>
                <DetailRow label="Display name">{user.displayName ?? none}</DetailRow>
                <DetailRow label="Full name">{user.fullName ?? none}</DetailRow>
                <DetailRow label="Date of birth">{user.dateOfBirth ?? none}</DetailRow>
              </dl>
            </DetailSection>

            <DetailSection title="Verification">
              {user.features.length === 0 ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">No features checked.</p>
              ) : (
                <div className="flex flex-wrap gap-1">
                  {user.features.map((feature) => (
                    <FeatureChip key={feature.feature} feature={feature} />
                  ))}
                </div>
              )}
              <dl className="mt-3">
                <DetailRow label="Sessions">
                  {user.sessions.total} in all: {user.sessions.approved} approved,{" "}
                  {user.sessions.declined} declined, {user.sessions.inReview} in review
                </DetailRow>
                <DetailRow label="Issuing states">
                  {user.issuingStates.length === 0 ? (
                    none
                  ) : (
                    <ul>
                      {user.issuingStates.map(({ country, count }) => (
                        <li key={country}>
                          <span className="font-mono">{country}</span>
                          {count !== null && ` · ${count} document${count === 1 ? "" : "s"}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </DetailRow>
              </dl>
            </DetailSection>

            <DetailSection title="Contact">
              <dl>
                <DetailRow label="Approved emails">
                  <List items={user.approvedEmails} />
                </DetailRow>
                <DetailRow label="Approved phones">
                  <List items={user.approvedPhones} />
                </DetailRow>
              </dl>
            </DetailSection>

            <DetailSection title="Tags">
              {user.tags.length === 0 ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">No tags.</p>
              ) : (
                <div className="flex flex-wrap gap-1">
                  {user.tags.map((tag) => (
                    <TagPill key={tag.id} tag={tag} />
                  ))}
                </div>
              )}
            </DetailSection>

            <DetailSection title="Timeline (your time zone; UTC on hover)">
              <dl>
                <DetailRow label="First session">
                  <LocalTime value={user.firstSessionAt} />
                </DetailRow>
                <DetailRow label="Last session">
                  <LocalTime value={user.lastSessionAt} />
                </DetailRow>
                <DetailRow label="Last activity">
                  <LocalTime value={user.lastActivityAt} />
                </DetailRow>
                <DetailRow label="Created">
                  <LocalTime value={user.createdAt} />
                </DetailRow>
              </dl>
            </DetailSection>

            <DetailExtras vendorData={user.vendorData} />
          </div>
        )}
      </div>
    </div>
  );
}
