import * as z from "zod";
import { parseIsoDateTime } from "./iso-time";
import type { SandboxQuery } from "./query";
import { SANDBOX_STATUSES } from "./sandbox-user";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** DRF's shape for a 400: field name → messages. */
export type FieldErrors = Record<string, string[]>;

export type ParsedQuery = { ok: true; query: SandboxQuery } | { ok: false; errors: FieldErrors };

// Messages are Django REST Framework's and django-filter's own wording, so the app's error
// handling meets the strings the real upstream sends.
function integer(min: number, max?: number) {
  let bounded = z
    .number()
    .int({ error: "A valid integer is required." })
    .min(min, { error: `Ensure this value is greater than or equal to ${min}.` });
  if (max !== undefined) {
    bounded = bounded.max(max, { error: `Ensure this value is less than or equal to ${max}.` });
  }
  return z
    .string()
    .regex(/^\s*[+-]?\d+\s*$/, { error: "A valid integer is required." })
    .transform(Number)
    .pipe(bounded);
}

const dateTime = z.string().transform((value, ctx) => {
  const ms = parseIsoDateTime(value);
  if (ms === null) {
    ctx.addIssue("Enter a valid date/time.");
    return z.NEVER;
  }
  return ms;
});

const schema = z.object({
  status: z
    .enum(SANDBOX_STATUSES, {
      error: (issue) =>
        `Select a valid choice. ${issue.input} is not one of the available choices.`,
    })
    .optional(),
  search: z.string().optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { error: "Enter a valid ISO 3166-1 alpha-3 country code." })
    .transform((code) => code.toUpperCase())
    .optional(),
  created_after: dateTime.optional(),
  created_before: dateTime.optional(),
  last_activity_after: dateTime.optional(),
  last_activity_before: dateTime.optional(),
  limit: integer(1, MAX_LIMIT).optional(),
  offset: integer(0).optional(),
});

const FIELDS = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

/**
 * Validates a list request's query string the way Didit (DRF + django-filter) does: the last
 * value of a repeated parameter wins, empty values count as absent, unknown parameters are
 * ignored, and every invalid field is reported at once.
 */
export function parseSandboxQuery(params: URLSearchParams): ParsedQuery {
  const input: Partial<Record<string, string>> = {};
  for (const field of FIELDS) {
    const value = params.getAll(field).at(-1);
    if (value !== undefined && value !== "") input[field] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "non_field_errors");
      errors[field] = [...(errors[field] ?? []), issue.message];
    }
    return { ok: false, errors };
  }
  const value = parsed.data;
  return {
    ok: true,
    query: {
      status: value.status,
      search: value.search,
      country: value.country,
      createdAfter: value.created_after,
      createdBefore: value.created_before,
      lastActivityAfter: value.last_activity_after,
      lastActivityBefore: value.last_activity_before,
      limit: value.limit ?? DEFAULT_LIMIT,
      offset: value.offset ?? 0,
    },
  };
}
