import { BlockList, isIP } from "node:net";
import { z } from "zod";

/**
 * Which proxies in front of the inbox may say who the client is (INBOX_TRUSTED_PROXIES), and the
 * client's address that follows from it. Kept free of `server-only`: the configuration schema,
 * which next.config.ts also loads, parses the variable with `trustedProxiesSchema`.
 *
 * - unset: no proxy is trusted; the client is the connection's own peer;
 * - a number of hops (`1`): that many proxies, each appending to `X-Forwarded-For`, sit in front;
 * - CIDRs (`10.0.0.0/8, 2001:db8::/32`): proxies whose addresses fall in them are trusted, from
 *   the nearest one outwards.
 */
export type TrustedProxies =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "cidrs"; cidrs: string[] };

function parseCidr(value: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } {
  const [address = "", prefixText, extra] = value.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) throw new Error(value);
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) throw new Error(value);
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

export const trustedProxiesSchema = z
  .string()
  .optional()
  .transform((raw, ctx): TrustedProxies => {
    const value = raw?.trim() ?? "";
    if (value === "" || value === "0") return { kind: "none" };
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) {
        ctx.addIssue({
          code: "custom",
          message: "must be a number of hops from 0 to 10, or CIDRs",
        });
        return z.NEVER;
      }
      return { kind: "hops", hops };
    }
    const cidrs = value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    for (const cidr of cidrs) {
      try {
        parseCidr(cidr);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: `"${cidr}" is not an address or CIDR; use a number of hops, or e.g. 10.0.0.0/8, 2001:db8::/32`,
        });
        return z.NEVER;
      }
    }
    return { kind: "cidrs", cidrs };
  });

/** Strips what proxies put around an address: `[::1]:443`, `1.2.3.4:5678`, `::ffff:1.2.3.4`. */
export function normaliseAddress(value: string): string | null {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) {
    address = address.slice(7);
  }
  return isIP(address) === 0 ? null : address.toLowerCase();
}

function blockListOf(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const { address, prefix, family } = parseCidr(cidr);
    list.addSubnet(address, prefix, family);
  }
  return list;
}

const blockLists = new WeakMap<TrustedProxies, BlockList>();

/**
 * The client's address. `peer` is the connection's own remote address (never a header a client
 * can set); `forwardedFor` is the `X-Forwarded-For` header, read only as far as the trusted
 * proxies vouch for it. An entry that is not an address ends the walk there.
 */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | null,
  trust: TrustedProxies,
): string {
  const direct = (peer && normaliseAddress(peer)) ?? "unknown";
  if (trust.kind === "none" || !forwardedFor) return direct;
  const chain = forwardedFor.split(",").map((entry) => entry.trim());
  if (trust.kind === "hops") {
    // The nearest `hops` proxies are ours; the entry each appended is the one before it.
    const index = chain.length - trust.hops;
    const claimed = chain[Math.max(0, index)];
    return (claimed && normaliseAddress(claimed)) ?? direct;
  }
  let list = blockLists.get(trust);
  if (!list) {
    list = blockListOf(trust.cidrs);
    blockLists.set(trust, list);
  }
  const trusted = (address: string) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
  let current = direct;
  for (let i = chain.length - 1; i >= 0 && current !== "unknown" && trusted(current); i--) {
    const next = normaliseAddress(chain[i] ?? "");
    if (next === null) break;
    current = next;
  }
  return current;
}
