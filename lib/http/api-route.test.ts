import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

let apiRoute: typeof import("./api-route").apiRoute;
let requestIdFor: typeof import("./api-route").requestIdFor;

beforeAll(async () => {
  Object.assign(process.env, { INBOX_AUTH: "none", LOG_LEVEL: "silent" });
  ({ apiRoute, requestIdFor } = await import("./api-route"));
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the request id", () => {
  it("keeps a caller's id that is safe to echo", () => {
    expect(requestIdFor("lb-7f3a.0001:edge")).toBe("lb-7f3a.0001:edge");
    expect(requestIdFor(null)).toMatch(UUID);
  });

  it.each([
    ["a header-splitting attempt", "abc\r\nset-cookie: x=1"],
    ["markup", "<script>alert(1)</script>"],
    ["spaces", "id with spaces"],
    ["over 64 characters", "a".repeat(65)],
    ["empty", ""],
  ])("replaces %s with a fresh id", (_, given) => {
    expect(requestIdFor(given)).toMatch(UUID);
  });

  it("is what the response carries and the handler sees", async () => {
    let seen = "";
    const GET = apiRoute({ name: "/test" }, async ({ requestId }) => {
      seen = requestId;
      return Response.json({ ok: true });
    });
    const response = await GET(
      new NextRequest("http://127.0.0.1:3000/test", {
        headers: { "x-request-id": "<img src=x onerror=alert(1)>" },
      }),
    );
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    expect(seen).toBe(response.headers.get("x-request-id"));
  });
});

describe("the analyst a handler works for", () => {
  it("is the party the Didit client charges, through every await of the handler", async () => {
    const { currentParty } = await import("@/lib/runtime/request-party");
    let seen: string | null = "unset";
    const GET = apiRoute({ name: "/test" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = currentParty();
      return Response.json({ ok: true });
    });
    await GET(new NextRequest("http://127.0.0.1:3000/test"));
    // INBOX_AUTH=none: the one local analyst.
    expect(seen).toBe("local");
    expect(currentParty()).toBeNull();
  });
});
