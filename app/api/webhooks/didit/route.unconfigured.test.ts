import { afterAll, beforeAll, expect, it, vi } from "vitest";
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

let upstream: FakeDidit;
let webhook: RouteHandler;

beforeAll(async () => {
  delete process.env.DIDIT_WEBHOOK_SECRET;
  upstream = await configure();
  webhook = (await import("./route")).POST as unknown as RouteHandler;
});

afterAll(async () => {
  await uninstallDatabase();
  await upstream.close();
});

describeEachDatabase("POST /api/webhooks/didit without DIDIT_WEBHOOK_SECRET", (kind) => {
  beforeAll(async () => {
    await installDatabase(kind);
  });

  it("refuses every delivery with 401, saying the secret is not configured", async () => {
    const body = JSON.stringify({ webhook_type: "user.status.updated", vendor_data: "u-1" });
    const request = apiRequest("/api/webhooks/didit", {
      method: "POST",
      body,
      headers: {
        "x-signature": signBody(Buffer.from(body), "any-guess-0123456789abcdef"),
        "x-timestamp": String(Math.floor(Date.now() / 1000)),
      },
    });
    const [response, events] = await withAuditOf(() => as(null, webhook, request));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_signature",
        message: "Webhooks are not set up here: DIDIT_WEBHOOK_SECRET is not configured.",
      },
    });
    expect(events).toEqual([]);
  });
});
