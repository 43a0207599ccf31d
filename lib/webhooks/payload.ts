import { z } from "zod";

/**
 * Didit's webhook bodies, in both shapes its docs have used: flat, with the event name in
 * `webhook_type` and the fields beside it, or an envelope `{ "event": …, "data": { … } }`.
 * Unknown fields are ignored; only what the inbox acts on is read.
 */

export const USER_EVENTS = ["user.status.updated", "user.data.updated"] as const;
export type UserEvent = (typeof USER_EVENTS)[number];

const text = z.string().trim().min(1).max(200);
const fields = z.object({
  vendor_data: text.nullish(),
  // The user's own id, where a version of the payload carries it.
  didit_internal_id: text.nullish(),
  user_id: text.nullish(),
  status: text.nullish(),
  previous_status: text.nullish(),
  changed_fields: z.array(z.string().max(100)).max(100).nullish(),
});

const flat = fields.extend({ webhook_type: text });
const envelope = z.object({ event: text, data: fields });

export interface WebhookChange {
  event: string;
  vendorData: string | null;
  internalId: string | null;
  status: string | null;
  previousStatus: string | null;
  changedFields: string[];
}

export type ParsedPayload = { ok: true; change: WebhookChange } | { ok: false; message: string };

export function parsePayload(raw: unknown): ParsedPayload {
  const wrapped = envelope.safeParse(raw);
  const plain = wrapped.success ? null : flat.safeParse(raw);
  const event = wrapped.success
    ? wrapped.data.event
    : plain?.success
      ? plain.data.webhook_type
      : null;
  const data = wrapped.success ? wrapped.data.data : plain?.success ? plain.data : null;
  if (event === null || data === null) {
    return {
      ok: false,
      message: 'Not a Didit webhook: expected "webhook_type", or "event" with "data".',
    };
  }
  return {
    ok: true,
    change: {
      event,
      vendorData: data.vendor_data ?? null,
      internalId: data.didit_internal_id ?? data.user_id ?? null,
      status: data.status ?? null,
      previousStatus: data.previous_status ?? null,
      changedFields: data.changed_fields ?? [],
    },
  };
}

export function isUserEvent(event: string): event is UserEvent {
  return (USER_EVENTS as readonly string[]).includes(event);
}
