import { describe, expect, it } from "vitest";
import { checkRequestHeaders, checkRequestPath, type HostPolicy, hostnameOf } from "./host-guard";

const none: HostPolicy = { publicHost: null, refuseForwarded: true };
const published: HostPolicy = { publicHost: "inbox.example.com", refuseForwarded: false };

describe("the Host header", () => {
  it.each([
    "127.0.0.1:3000",
    "127.0.0.1",
    "localhost:3000",
    "LOCALHOST",
    "[::1]:3000",
    "[::1]",
    "127.9.8.7:80",
  ])("answers for the loopback name %s", (host) => {
    expect(checkRequestHeaders({ host }, none)).toBeNull();
  });

  it.each([
    "rebind.attacker.example:3000",
    "rebind.attacker.example",
    "127.0.0.1.attacker.example",
    "localhost.attacker.example:3000",
    "192.168.1.20:3000",
    "0.0.0.0:3000",
    "[::ffff:127.0.0.1]:3000",
    "inbox.example.com:3000@evil.example",
    "",
  ])("refuses %s with a 421 and a JSON error", (host) => {
    expect(checkRequestHeaders({ host }, none)).toEqual({
      status: 421,
      body: { error: { code: "misdirected_host", message: expect.stringContaining("host") } },
    });
  });

  it("refuses a request with no Host at all", () => {
    expect(checkRequestHeaders({}, none)?.status).toBe(421);
  });

  it("answers for the public URL's host too, and only that one", () => {
    expect(checkRequestHeaders({ host: "inbox.example.com" }, published)).toBeNull();
    expect(checkRequestHeaders({ host: "Inbox.Example.com:443" }, published)).toBeNull();
    expect(checkRequestHeaders({ host: "127.0.0.1:3000" }, published)).toBeNull();
    expect(checkRequestHeaders({ host: "other.example.com" }, published)?.status).toBe(421);
  });

  it("reads host names as a server does", () => {
    expect(hostnameOf("[::1]:3000")).toBe("::1");
    expect(hostnameOf("Example.TEST:8080")).toBe("example.test");
    expect(hostnameOf("a b")).toBeNull();
    expect(hostnameOf("[::1]x")).toBeNull();
  });
});

describe("proxy headers without sign-in", () => {
  it.each(["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded", "x-real-ip"])(
    "refuses a request carrying %s",
    (header) => {
      expect(checkRequestHeaders({ host: "127.0.0.1:3000", [header]: "1.2.3.4" }, none)).toEqual({
        status: 400,
        body: { error: { code: "forwarded_refused", message: expect.stringContaining("proxy") } },
      });
    },
  );

  it("lets them through when analysts sign in", () => {
    expect(
      checkRequestHeaders(
        { host: "inbox.example.com", "x-forwarded-for": "203.0.113.9" },
        published,
      ),
    ).toBeNull();
  });
});

describe("checkRequestPath", () => {
  it("refuses a path that is not percent-encoded UTF-8, with invalid_path", () => {
    for (const url of ["/api/users/%FF", "/api/users/%C3%28", "/%E2%82", "/a/%"]) {
      expect(checkRequestPath(url)?.status).toBe(400);
      expect(checkRequestPath(url)?.body.error.code).toBe("invalid_path");
    }
  });

  it("lets well-formed paths through, whatever the query string holds", () => {
    for (const url of [
      "/",
      "/api/users/detail?vendor_data=%FF",
      "/api/users/caf%C3%A9",
      "/a%2Fb",
    ]) {
      expect(checkRequestPath(url)).toBeNull();
    }
  });
});
