import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How far `X-Timestamp` may be from now, either way (Didit's docs: 300 s). */
export const FRESHNESS_S = 300;

/** `X-Signature`: the hex HMAC-SHA256 of the exact raw body under the webhook secret. */
export function signBody(body: Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export type Verdict = { ok: true; timestamp: number } | { ok: false; message: string };

/**
 * Whether a delivery is Didit's and fresh: the signature over the raw bytes (before anything
 * parses them), compared in constant time, and a timestamp within FRESHNESS_S of `nowMs`.
 */
export function verifyDelivery(input: {
  body: Uint8Array;
  signature: string | null;
  timestamp: string | null;
  secret: string;
  nowMs: number;
}): Verdict {
  const signature = input.signature?.trim().toLowerCase() ?? "";
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, message: "The delivery carries no valid X-Signature." };
  }
  const expected = Buffer.from(signBody(input.body, input.secret), "hex");
  if (!timingSafeEqual(Buffer.from(signature, "hex"), expected)) {
    return { ok: false, message: "The X-Signature does not match the body." };
  }
  const raw = input.timestamp?.trim() ?? "";
  if (!/^\d{1,12}$/.test(raw)) {
    return { ok: false, message: "The delivery carries no valid X-Timestamp." };
  }
  const timestamp = Number(raw);
  if (Math.abs(input.nowMs / 1000 - timestamp) > FRESHNESS_S) {
    return { ok: false, message: `The X-Timestamp is more than ${FRESHNESS_S} s from now.` };
  }
  return { ok: true, timestamp };
}

/** What makes a delivery the same one again: its timestamp and its exact body. */
export function deliveryDigest(timestamp: number, body: Uint8Array): string {
  return createHash("sha256").update(`${timestamp}.`).update(body).digest("hex");
}
