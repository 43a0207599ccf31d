import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { LIVE_PORT, PASSCODE_PORT } from "./servers";

/** A raw request, so the Host header is exactly what a rebinding page's browser would send. */
function rawGet(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          body,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

test.describe("host trust", () => {
  test("a rebound host name gets no users and no export, only a JSON error", async () => {
    for (const path of ["/api/users?status=FLAGGED", "/api/exports/users", "/", "/activity"]) {
      const answer = await rawGet(LIVE_PORT, path, {
        host: `rebind.attacker.example:${LIVE_PORT}`,
      });
      expect(answer.status, path).toBe(421);
      expect(answer.type).toContain("application/json");
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "misdirected_host" } });
    }
    // Its own name is still served.
    const own = await rawGet(LIVE_PORT, "/api/users?limit=1", { host: `127.0.0.1:${LIVE_PORT}` });
    expect(own.status).toBe(200);
  });

  test("without sign-in, a request through a proxy is refused", async () => {
    const answer = await rawGet(LIVE_PORT, "/api/users?limit=1", {
      host: `127.0.0.1:${LIVE_PORT}`,
      "x-forwarded-for": "203.0.113.7",
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "forwarded_refused" } });
  });

  test("with sign-in, a proxy's headers are allowed through to the sign-in check", async () => {
    const answer = await rawGet(PASSCODE_PORT, "/api/users?limit=1", {
      host: `127.0.0.1:${PASSCODE_PORT}`,
      "x-forwarded-for": "203.0.113.7",
    });
    expect(answer.status).toBe(401);
  });
});
