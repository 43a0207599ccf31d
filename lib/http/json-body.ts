import "server-only";
import type { z } from "zod";
import { apiError } from "./responses";

/** Request bodies are small: a decision for 200 users with a long reason is well under this. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * A JSON request body, checked against `schema`. Only `Content-Type: application/json` is read
 * (a cross-site form cannot send it without a preflight), at most `maxBytes` of it; anything
 * else is a 4xx naming the problem, and the handler does nothing.
 */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<BodyResult<T>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return {
      ok: false,
      response: apiError("unsupported_media_type", "Send the request as application/json."),
    };
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false, response: apiError("invalid_body", "The request body is too large.") };
  }
  const text = await readAtMost(request, maxBytes);
  if (text === null) {
    return { ok: false, response: apiError("invalid_body", "The request body is too large.") };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError("invalid_body", "The request body is not valid JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "body";
    fields[field] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([field, reason]) => `${field} ${reason}`)
    .join("; ");
  return {
    ok: false,
    response: apiError("invalid_body", `Invalid request: ${summary}.`, { fields }),
  };
}

/** The body as text, or null once it passes `maxBytes` (the rest is not read). */
async function readAtMost(request: Request, maxBytes: number): Promise<string | null> {
  const bytes = await readBytesAtMost(request, maxBytes);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** The body's exact bytes, or null past `maxBytes` (reading stops there). */
export async function readBytesAtMost(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
