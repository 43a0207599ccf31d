import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { LiveEvent } from "@/lib/api/live";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  apiRequest,
  as,
  configure,
  type FakeDidit,
  installDatabase,
  type RouteHandler,
  uninstallDatabase,
  withAuditOf,
} from "@/lib/testing/teamwork-routes";
import { signBody } from "@/lib/webhooks/signature";

vi.mock("next/headers", async () =>
  (await import("@/lib/testing/teamwork-routes")).nextHeadersMock(),
);

const SECRET = "whsec-unit-0123456789abcdef";

let upstream: FakeDidit;
let webhook: RouteHandler;
let getLiveBus: typeof import("@/lib/live/server").getLiveBus;

beforeAll(async () => {
  upstream = await configure({ DIDIT_WEBHOOK_SECRET: SECRET });
  webhook = (await import("./route")).POST as unknown as RouteHandler;
  ({ getLiveBus } = await import("@/lib/live/server"));
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

const now = () => String(Math.floor(Date.now() / 1000));

/** A delivery as Didit sends it: no session, no Origin, signed over the exact bytes. */
function delivery(
  body: string,
  headers: { signature?: string | null; timestamp?: string | null } = {},
) {
  const signature =
    headers.signature === undefined ? signBody(Buffer.from(body), SECRET) : headers.signature;
  const timestamp = headers.timestamp === undefined ? now() : headers.timestamp;
  return apiRequest("/api/webhooks/didit", {
    method: "POST",
    body,
    headers: {
      origin: "",
      "user-agent": "DiditWebhook/2.0",
      ...(signature !== null && { "x-signature": signature }),
      ...(timestamp !== null && { "x-timestamp": timestamp }),
    },
  });
}

async function send(request: Request) {
  const response = await as(null, webhook, request as never);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const statusChange = (vendorData: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    webhook_type: "user.status.updated",
    vendor_data: vendorData,
    status: "BLOCKED",
    previous_status: "FLAGGED",
    timestamp: Number(now()),
    ...extra,
  });

describeEachDatabase("POST /api/webhooks/didit", (kind) => {
  beforeAll(async () => {
    await installDatabase(kind);
  });

  it("records a signed status change as 'Changed in Didit' and tells every open inbox", async () => {
    const bus = await getLiveBus();
    const heard: LiveEvent[] = [];
    const stop = bus.subscribe((event) => heard.push(event));
    try {
      const [answer, events] = await withAuditOf(() => send(delivery(statusChange("user-wh-1"))));
      expect(answer).toEqual({ status: 200, body: { received: true } });
      expect(events).toEqual([
        expect.objectContaining({
          action: "didit.changed",
          analystId: "didit",
          analystName: "Didit",
          authMode: "webhook",
          targetVendorData: "user-wh-1",
          statusBefore: "FLAGGED",
          statusAfter: "BLOCKED",
          outcome: "done",
        }),
      ]);
      expect(heard).toEqual([
        expect.objectContaining({
          kind: "didit",
          data: {
            userIds: [],
            action: "user.status.updated",
            analyst: { id: "didit", name: "Didit" },
            status: "BLOCKED",
          },
        }),
      ]);
    } finally {
      stop();
    }
  });

  it("reads the envelope shape too, and a data change with its changed fields", async () => {
    const body = JSON.stringify({
      event: "user.data.updated",
      data: { vendor_data: "user-wh-2", changed_fields: ["full_name"] },
    });
    const [answer, events] = await withAuditOf(() => send(delivery(body)));
    expect(answer.status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({
        action: "didit.changed",
        targetVendorData: "user-wh-2",
        details: { event: "user.data.updated", changedFields: ["full_name"] },
      }),
    ]);
  });

  it("acknowledges a replay of the same body and timestamp without acting again", async () => {
    const body = statusChange("user-wh-3");
    const timestamp = now();
    const first = await withAuditOf(() => send(delivery(body, { timestamp })));
    const again = await withAuditOf(() => send(delivery(body, { timestamp })));
    expect(first[1]).toHaveLength(1);
    expect(again).toEqual([{ status: 200, body: { received: true, duplicate: true } }, []]);
  });

  it("refuses, with 401 and nothing recorded, what is unsigned, badly signed or stale", async () => {
    const body = statusChange("user-wh-4");
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    for (const request of [
      delivery(body, { signature: null }),
      delivery(body, { signature: signBody(Buffer.from(body), "not-the-secret-0123456789") }),
      delivery(body, { signature: signBody(Buffer.from(`${body} `), SECRET) }),
      delivery(body, { timestamp: null }),
      delivery(body, { timestamp: stale }),
    ]) {
      const [answer, events] = await withAuditOf(() => send(request));
      expect(answer.status).toBe(401);
      expect((answer.body.error as { code: string }).code).toBe("invalid_signature");
      expect(events).toEqual([]);
    }
    // Refusals were not remembered as deliveries: the genuine one is still handled.
    const [answer, events] = await withAuditOf(() => send(delivery(body)));
    expect(answer.status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it("answers 400 to a signed body that is not a Didit webhook, and ignores session events", async () => {
    for (const body of ["not json", JSON.stringify({ hello: "world" })]) {
      const [answer, events] = await withAuditOf(() => send(delivery(body)));
      expect(answer.status).toBe(400);
      expect(events).toEqual([]);
    }
    const session = JSON.stringify({ webhook_type: "status.updated", session_id: "s-1" });
    const [answer, events] = await withAuditOf(() => send(delivery(session)));
    expect(answer).toEqual({ status: 200, body: { received: true, ignored: "status.updated" } });
    expect(events).toEqual([]);
  });

  it("refuses a body larger than any webhook with 413", async () => {
    const body = statusChange("user-wh-5", { padding: "x".repeat(70_000) });
    const [answer, events] = await withAuditOf(() => send(delivery(body)));
    expect(answer.status).toBe(413);
    expect(events).toEqual([]);
  });
});
