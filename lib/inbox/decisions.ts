/**
 * The decision UI's pure rules: which status changes a user is offered, the preset reasons, the
 * reason's limits, the outcome summaries and row-range selection. Kept apart from
 * `lib/decisions/request.ts`, which builds zod schemas at load: importing it in the browser would
 * pull full zod into the inbox's bundle for three numbers. decisions.test.ts checks they agree.
 */
import type { UserStatus } from "./query-state";

export const REASON_MIN = 3;
export const REASON_MAX = 1000;
export const MAX_USERS_PER_DECISION = 200;

/** The statuses an analyst can set, in the order the buttons show them. */
export const DECISION_STATUSES: readonly UserStatus[] = ["ACTIVE", "FLAGGED", "BLOCKED"];

/** The button (and dialog title) for each target status. */
export const DECISION_LABELS: Record<UserStatus, string> = {
  ACTIVE: "Set active",
  FLAGGED: "Flag",
  BLOCKED: "Block",
};

/** The status's own name, as the outcome says it ("Status set to Active"). */
export const STATUS_NAMES: Record<UserStatus, string> = {
  ACTIVE: "Active",
  FLAGGED: "Flagged",
  BLOCKED: "Blocked",
};

/** The key that opens each decision (also listed in SHORTCUTS). */
export const DECISION_KEYS: Record<UserStatus, string> = {
  ACTIVE: "a",
  FLAGGED: "f",
  BLOCKED: "b",
};

/** The reasons analysts give most often, one click into the (still editable) Reason box. */
export const PRESET_REASONS: Record<UserStatus, readonly string[]> = {
  ACTIVE: ["Document verified manually", "False positive", "Customer confirmed identity"],
  FLAGGED: ["Needs manual review", "Suspicious activity", "Document unclear"],
  BLOCKED: ["Sanctions match confirmed", "Duplicate account", "Fraudulent document"],
};

export function isUserStatus(value: string): value is UserStatus {
  return (DECISION_STATUSES as readonly string[]).includes(value);
}

/**
 * The changes that make sense from `status`: every other status. Statuses are an open set
 * (docs/didit-api.md); a user in one the inbox does not know can be moved to any of the three.
 */
export function decisionTargets(status: string): UserStatus[] {
  const current = status.trim().toUpperCase();
  return DECISION_STATUSES.filter((target) => target !== current);
}

/** Whether `target` is offered for a user in `status`. */
export function canDecide(status: string, target: UserStatus): boolean {
  return decisionTargets(status).includes(target);
}

/** Why a reason is refused before anything is sent, or null when it may go. */
export function reasonError(reason: string): string | null {
  const length = reason.trim().length;
  if (length < REASON_MIN) return `Give a reason of at least ${REASON_MIN} characters.`;
  if (length > REASON_MAX) return `Keep the reason under ${REASON_MAX} characters.`;
  return null;
}

export interface DecisionSummary {
  done: number;
  failed: number;
  unknown: number;
  /** Four-eyes: recorded for a second reviewer's approval, nothing sent yet. */
  proposed?: number;
}

/** "2 changed · 1 failed · 1 unknown", leaving out what did not happen (but never empty). */
export function summaryText({ done, failed, unknown, proposed = 0 }: DecisionSummary): string {
  const parts = [
    done > 0 || (failed === 0 && unknown === 0 && proposed === 0) ? `${done} changed` : null,
    proposed > 0 ? `${proposed} proposed for approval` : null,
    failed > 0 ? `${failed} failed` : null,
    unknown > 0 ? `${unknown} unknown` : null,
  ];
  return parts.filter((part) => part !== null).join(" · ");
}

/** What the progress line says while the changes run. */
export function progressText(count: number): string {
  return count === 1 ? "Changing 1 user…" : `Changing ${count} users…`;
}

/** How much of the page is selected, for the header checkbox (indeterminate on "some"). */
export function pageSelectionState(
  ids: readonly string[],
  selected: ReadonlySet<string>,
): "none" | "some" | "all" {
  let count = 0;
  for (const id of ids) if (selected.has(id)) count++;
  if (count === 0) return "none";
  return count === ids.length ? "all" : "some";
}

/**
 * A checkbox click. Alone it toggles one row; with Shift it gives every row from the previous
 * click (the anchor) to this one the state this row takes, as file managers do. Without an
 * anchor on the page, Shift acts like a plain click.
 */
export function toggleSelection(
  ids: readonly string[],
  selected: ReadonlySet<string>,
  target: string,
  anchor: string | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const value = !selected.has(target);
  const from = range && anchor !== null ? ids.indexOf(anchor) : -1;
  const to = ids.indexOf(target);
  if (from < 0 || to < 0) {
    if (value) next.add(target);
    else next.delete(target);
    return next;
  }
  const [start, end] = from <= to ? [from, to] : [to, from];
  for (const id of ids.slice(start, end + 1)) {
    if (value) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The header checkbox: selects the whole page, or clears it when all of it is selected. */
export function toggleAll(ids: readonly string[], selected: ReadonlySet<string>): Set<string> {
  return pageSelectionState(ids, selected) === "all" ? new Set() : new Set(ids);
}

/**
 * Where the panel goes after a decision takes the user out of the view: the next user on the
 * page, or null (close) when they were the last.
 */
export function nextAfter(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id);
  return index < 0 ? null : (ids[index + 1] ?? null);
}

/** Whether a user set to `target` drops out of a view filtered by `viewStatus`. */
export function leavesView(viewStatus: UserStatus | null, target: UserStatus): boolean {
  return viewStatus !== null && viewStatus !== target;
}
