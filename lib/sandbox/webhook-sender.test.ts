import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "@/lib/testing/listen";
import { verifyDelivery } from "@/lib/webhooks/signature";
import type { SandboxStatusChange } from "./status-change";

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

let server: Awaited<ReturnType<typeof listenOnLoopback>>;
const received: Received[] = [];
let arrived: () => void = () => {};

beforeAll(async () => {
  server = await listenOnLoopback(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        arrived();
      });
    }),
  );
  // Sandbox mode (no key), listening where the test server is: the sender posts to itself.
  delete process.env.DIDIT_API_KEY;
  delete process.env.DIDIT_WEBHOOK_SECRET;
  Object.assign(process.env, { HOSTNAME: "127.0.0.1", PORT: String(server.port) });
});

afterAll(async () => {
  await server.close();
});

describe("sendStatusWebhook", () => {
  it("tells the inbox itself of a sandbox status change, signed as Didit signs", async () => {
    const { sendStatusWebhook } = await import("./webhook-sender");
    const { webhookSecret } = await import("@/lib/webhooks/secret");
    const delivered = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    sendStatusWebhook({
      vendorData: "user-42",
      previousStatus: "FLAGGED",
      newStatus: "ACTIVE",
      reason: "Document verified manually",
    } as SandboxStatusChange);
    await delivered;

    const [delivery] = received;
    if (!delivery) throw new Error("nothing was delivered");
    expect(delivery.path).toBe("/api/webhooks/didit");
    expect(delivery.headers["content-type"]).toBe("application/json");
    const secret = webhookSecret();
    if (secret === null) throw new Error("sandbox mode has no webhook secret");
    expect(
      verifyDelivery({
        body: delivery.body,
        signature: String(delivery.headers["x-signature"]),
        timestamp: String(delivery.headers["x-timestamp"]),
        secret,
        nowMs: Date.now(),
      }).ok,
    ).toBe(true);
    // Only what Didit's docs name: no reason, no record.
    expect(JSON.parse(delivery.body.toString("utf8"))).toEqual({
      webhook_type: "user.status.updated",
      vendor_data: "user-42",
      status: "ACTIVE",
      previous_status: "FLAGGED",
      timestamp: Number(delivery.headers["x-timestamp"]),
    });
  });
});
