import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "../testing/listen";
import { generateUsers } from "./dataset";
import { MAX_BODY_BYTES } from "./handler";
import { sandboxListener } from "./node-listener";
import { buildSandboxIndex } from "./query";
import type { SandboxUserDetail } from "./sandbox-user";

const KEY = "listener-key";
const index = buildSandboxIndex(generateUsers(100));
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer(sandboxListener({ apiKey: KEY, users: index }));
  const listening = await listenOnLoopback(server);
  base = `http://127.0.0.1:${listening.port}/v3/users/`;
  close = listening.close;
});

afterAll(() => close());

describe("sandboxListener", () => {
  const user = index.users.find((u) => u.vendor_data !== null && u.status !== "BLOCKED");
  // A function: `base` is known only once the server listens.
  const path = () => `${base}${encodeURIComponent(user?.vendor_data ?? "")}/`;
  const headers = { "x-api-key": KEY, "content-type": "application/json" };

  it("passes a PATCH body through to the handler, and the change is read back", async () => {
    const response = await fetch(`${path()}update-status/`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ status: "BLOCKED", reason: "über node:http" }),
    });
    expect(response.status).toBe(200);
    const read = await fetch(path(), { headers });
    const body = (await read.json()) as SandboxUserDetail;
    expect(body.status).toBe("BLOCKED");
    expect(body.comments.at(-1)).toMatchObject({ comment: "über node:http" });
  });

  it("answers 400 for an empty body and 413 for an oversized one", async () => {
    const empty = await fetch(`${path()}update-status/`, { method: "PATCH", headers });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ status: ["This field is required."] });
    const large = await fetch(`${path()}update-status/`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ status: "ACTIVE", pad: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(large.status).toBe(413);
  });

  it("still answers GET lists and 405s for other methods", async () => {
    expect((await fetch(`${base}?limit=1`, { headers })).status).toBe(200);
    expect((await fetch(base, { method: "POST", headers, body: "{}" })).status).toBe(405);
  });
});
