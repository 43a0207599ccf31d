import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliveryDigest, signBody, verifyDelivery } from "./signature";

const SECRET = "whsec-test-0123456789abcdef";
const body = Buffer.from('{"webhook_type":"user.status.updated","vendor_data":"u-1"}');
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const ts = String(NOW / 1000);

describe("verifyDelivery", () => {
  it("accepts Didit's signature over the raw body with a fresh timestamp", () => {
    const signature = createHmac("sha256", SECRET).update(body).digest("hex");
    expect(signBody(body, SECRET)).toBe(signature);
    expect(verifyDelivery({ body, signature, timestamp: ts, secret: SECRET, nowMs: NOW })).toEqual({
      ok: true,
      timestamp: NOW / 1000,
    });
    // Hex in capitals is the same signature.
    expect(
      verifyDelivery({
        body,
        signature: signature.toUpperCase(),
        timestamp: ts,
        secret: SECRET,
        nowMs: NOW,
      }).ok,
    ).toBe(true);
  });

  it("refuses a missing, malformed or wrong signature, and another secret's", () => {
    const good = signBody(body, SECRET);
    for (const signature of [null, "", "abc", `${good}00`, "z".repeat(64)]) {
      expect(
        verifyDelivery({ body, signature, timestamp: ts, secret: SECRET, nowMs: NOW }),
      ).toEqual({ ok: false, message: "The delivery carries no valid X-Signature." });
    }
    for (const signature of [signBody(body, "another-secret-0123456789"), "0".repeat(64)]) {
      expect(
        verifyDelivery({ body, signature, timestamp: ts, secret: SECRET, nowMs: NOW }),
      ).toEqual({ ok: false, message: "The X-Signature does not match the body." });
    }
  });

  it("refuses a body changed by one byte after signing", () => {
    const signature = signBody(body, SECRET);
    const changed = Buffer.from(body);
    changed[changed.length - 3] = "2".charCodeAt(0);
    expect(
      verifyDelivery({ body: changed, signature, timestamp: ts, secret: SECRET, nowMs: NOW }).ok,
    ).toBe(false);
  });

  it("takes timestamps within 300 s either way, and refuses older, newer and malformed ones", () => {
    const signature = signBody(body, SECRET);
    const at = (seconds: number) =>
      verifyDelivery({
        body,
        signature,
        timestamp: String(NOW / 1000 + seconds),
        secret: SECRET,
        nowMs: NOW,
      }).ok;
    expect([at(-300), at(300), at(0)]).toEqual([true, true, true]);
    expect([at(-301), at(301), at(-86_400)]).toEqual([false, false, false]);
    for (const timestamp of [null, "", "soon", "1.5", "-5", `${NOW}`]) {
      expect(verifyDelivery({ body, signature, timestamp, secret: SECRET, nowMs: NOW }).ok).toBe(
        false,
      );
    }
  });
});

describe("deliveryDigest", () => {
  it("is the same for the same timestamp and body, and differs when either does", () => {
    const digest = deliveryDigest(100, body);
    expect(deliveryDigest(100, Buffer.from(body))).toBe(digest);
    expect(deliveryDigest(101, body)).not.toBe(digest);
    expect(deliveryDigest(100, Buffer.from(`${body} `))).not.toBe(digest);
  });
});
