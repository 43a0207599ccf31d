import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, trustedProxiesSchema } from "./trusted-proxies";

const parse = (value: string | undefined) => trustedProxiesSchema.parse(value);

describe("INBOX_TRUSTED_PROXIES", () => {
  it("reads nothing, a number of hops, or CIDRs", () => {
    expect(parse(undefined)).toEqual({ kind: "none" });
    expect(parse("0")).toEqual({ kind: "none" });
    expect(parse("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parse("10.0.0.0/8, 2001:db8::/32,192.0.2.1")).toEqual({
      kind: "cidrs",
      cidrs: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"],
    });
  });

  it.each(["11", "10.0.0.0/33", "2001:db8::/129", "proxy.internal", "10.0.0.0/8/1", "1.2.3/8"])(
    "refuses %s with a message",
    (value) => {
      const result = trustedProxiesSchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/hops|CIDR/);
    },
  );
});

describe("the client's address", () => {
  const none = parse(undefined);

  it("without trusted proxies is the connection's peer, whatever the headers say", () => {
    expect(clientAddress("127.0.0.1", "6.6.6.6", none)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:203.0.113.9", null, none)).toBe("203.0.113.9");
    expect(clientAddress(null, "6.6.6.6", none)).toBe("unknown");
  });

  it("with one hop is the entry the proxy appended, not what the client sent before it", () => {
    const one = parse("1");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", one)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "203.0.113.7", one)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", null, one)).toBe("10.0.0.2");
    // Two hops: the outer proxy's entry.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9", parse("2"))).toBe(
      "203.0.113.7",
    );
  });

  it("with CIDRs walks out from the nearest proxy while each hop is trusted", () => {
    const cidrs = parse("10.0.0.0/8, 2001:db8::/32");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 203.0.113.7, 10.9.9.9", cidrs)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1", "[2001:db9::5]:443", cidrs)).toBe("2001:db9::5");
    // A peer outside the list is the client, whatever it forwards.
    expect(clientAddress("198.51.100.4", "6.6.6.6", cidrs)).toBe("198.51.100.4");
    // An entry that is not an address ends the walk at the last trusted hop's word.
    expect(clientAddress("10.1.2.3", "garbage", cidrs)).toBe("10.1.2.3");
  });

  it("normalises what proxies write", () => {
    expect(normaliseAddress("[::1]:3000")).toBe("::1");
    expect(normaliseAddress("203.0.113.7:5678")).toBe("203.0.113.7");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("not-an-ip")).toBeNull();
  });
});
