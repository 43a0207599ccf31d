import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  Object.assign(process.env, {
    DIDIT_API_KEY: "test-key-0123456789",
    INBOX_AUTH: "none",
    DIDIT_API_BASE_URL: upstream.baseUrl,
    LOG_LEVEL: "silent",
  });
  ({ GET } = await import("./route"));
});

afterAll(() => upstream.close());

beforeEach(() => {
  upstream.requests.length = 0;
  upstream.respondWith((req, res) => {
    const user = {
      ...docSample.results[0],
      vendor_data: decodeURIComponent(req.url.pathname.split("/")[3] ?? ""),
    };
    sendJson(res, 200, { ...user, metadata: {}, comments: [], updated_at: null });
  });
});

const detail = (vendorData: string | null) =>
  GET(
    new NextRequest(
      `http://127.0.0.1:3000/api/users/detail${vendorData === null ? "" : `?${new URLSearchParams({ vendor_data: vendorData })}`}`,
    ),
  );

describe("GET /api/users/detail", () => {
  it.each([
    ["export", "/v3/users/export/"],
    ["a/b", "/v3/users/a%2Fb/"],
    ["100%", "/v3/users/100%25/"],
    ["x".repeat(200), `/v3/users/${"x".repeat(200)}/`],
  ])("asks Didit for %j at its own path, and answers with that user", async (vendorData, path) => {
    const response = await detail(vendorData);
    expect(response.status).toBe(200);
    expect(upstream.requests.map((request) => request.url.pathname)).toEqual([path]);
    expect((await response.json()).vendorData).toBe(vendorData);
  });

  it.each([".", ".."])("does not ask Didit about %j, and says why", async (vendorData) => {
    const response = await detail(vendorData);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("cannot address");
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([null, "", "y".repeat(201)])(
    "refuses the reference %j with a 400 naming it",
    async (value) => {
      const response = await detail(value);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { fields: { vendor_data: expect.any(String) } },
      });
      expect(upstream.requests).toHaveLength(0);
    },
  );
});
