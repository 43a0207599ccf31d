import { z } from "zod";
import { toWireTimestamp } from "./iso-time";
import { type SandboxIndex, setIndexedStatus } from "./query";
import {
  SANDBOX_STATUSES,
  type SandboxStatus,
  type SandboxStatusChangeComment,
  type SandboxUserDetail,
} from "./sandbox-user";
import { buildUserDetail } from "./user-detail";

export const MAX_REASON_LENGTH = 1000;

export interface StatusChangeRequest {
  status: SandboxStatus;
  reason?: string;
}

/** A status that really changed: what the coming webhooks (`user.status.updated`) will carry. */
export interface SandboxStatusChange {
  vendorData: string;
  previousStatus: SandboxStatus;
  newStatus: SandboxStatus;
  /** The request's reason; null when it gave none. */
  reason: string | null;
  /** Wire timestamp of the change, as in the comment and `updated_at`. */
  changedAt: string;
  /** The record as the single-user endpoint now serves it. */
  user: SandboxUserDetail;
}

export type DrfErrors = Record<string, string[]>;

// Python's name for the JSON value, as DRF puts it in "Expected a dictionary, but got list."
function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return "dict";
}

function choiceInput(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

// Messages are DRF's own (ChoiceField and CharField), so the sandbox's 400s read like Didit's.
const statusChangeSchema = z.object(
  {
    status: z.enum(SANDBOX_STATUSES, {
      error: (issue) => {
        if (issue.input === undefined) return "This field is required.";
        if (issue.input === null) return "This field may not be null.";
        return `"${choiceInput(issue.input)}" is not a valid choice.`;
      },
    }),
    reason: z
      .string({
        error: (issue) =>
          issue.input === null ? "This field may not be null." : "Not a valid string.",
      })
      // Django counts characters as Python does, by code point, not by UTF-16 unit.
      .refine((reason) => [...reason].length <= MAX_REASON_LENGTH, {
        error: `Ensure this field has no more than ${MAX_REASON_LENGTH} characters.`,
      })
      .optional(),
  },
  {
    error: (issue) =>
      `Invalid data. Expected a dictionary, but got ${pythonTypeName(issue.input)}.`,
  },
);

export type ParsedStatusChange =
  | { ok: true; request: StatusChangeRequest }
  | { ok: false; status: 400 | 415; body: DrfErrors | { detail: string } };

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Reads the body as Didit's DRF view would: JSON only (415 otherwise), an empty body as no fields,
 * and every invalid field reported at once. Unknown fields are ignored.
 */
export function parseStatusChangeBody(
  text: string,
  contentType: string | null,
): ParsedStatusChange {
  let data: unknown = {};
  if (text.trim() !== "") {
    const type = mediaType(contentType);
    if (type !== "application/json") {
      return {
        ok: false,
        status: 415,
        body: { detail: `Unsupported media type "${type}" in request.` },
      };
    }
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, status: 400, body: { detail: "JSON parse error - invalid JSON." } };
    }
  }
  const parsed = statusChangeSchema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: DrfErrors = {};
  for (const issue of parsed.error.issues) {
    const field = typeof issue.path[0] === "string" ? issue.path[0] : "non_field_errors";
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return { ok: false, status: 400, body: errors };
}

/** The single-user record as served now: the stored one once changed, else derived afresh. */
export function readUserDetail(index: SandboxIndex, vendorData: string): SandboxUserDetail | null {
  const changed = index.changedDetails.get(vendorData);
  if (changed !== undefined) return changed;
  const user = index.byVendorData.get(vendorData);
  return user === undefined ? null : buildUserDetail(user, index.referenceTime);
}

export type StatusChangeOutcome =
  | { found: false }
  | { found: true; user: SandboxUserDetail; change: SandboxStatusChange | null };

/**
 * Applies `request` to the user: the list row, the status buckets and the single-user record all
 * move together. Setting the status the user already has changes nothing, as in Didit, which
 * records the reason only for a real change.
 */
export function changeUserStatus(
  index: SandboxIndex,
  vendorData: string,
  request: StatusChangeRequest,
  now: number,
): StatusChangeOutcome {
  const position = index.positionByVendorData.get(vendorData);
  const before = readUserDetail(index, vendorData);
  if (position === undefined || before === null) return { found: false };
  if (before.status === request.status) return { found: true, user: before, change: null };
  const updated = setIndexedStatus(index, position, request.status);
  if (updated === null) return { found: false };
  const changedAt = toWireTimestamp(now);
  const reason = request.reason ?? null;
  const entry: SandboxStatusChangeComment = {
    action: "STATUS_CHANGED",
    comment: reason,
    previous_status: before.status,
    new_status: request.status,
    created_at: changedAt,
  };
  // Built from the stored (or first derived) detail, not derived again from the new row: the
  // derived comments depend on the seeded status and would otherwise change under the analyst.
  const user: SandboxUserDetail = {
    ...before,
    status: updated.status,
    comments: [...before.comments, entry],
    updated_at: changedAt,
  };
  index.changedDetails.set(vendorData, user);
  return {
    found: true,
    user,
    change: {
      vendorData,
      previousStatus: before.status,
      newStatus: request.status,
      reason,
      changedAt,
      user,
    },
  };
}
