import type { Context } from "hono";
import { BlockList, isIP } from "node:net";

// One parsed list per configured array (the config is built once per process).
const parsed = new WeakMap<readonly string[], BlockList>();

function trustedList(proxies: readonly string[]): BlockList {
  let list = parsed.get(proxies);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const [addr = "", prefix] = entry.split("/");
      const type = isIP(addr) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(addr, type);
      else list.addSubnet(addr, Number(prefix), type);
    }
    parsed.set(proxies, list);
  }
  return list;
}

/** "::ffff:10.0.0.1" → "10.0.0.1", "[2001:db8::1]:443" → "2001:db8::1", "10.0.0.1:80" → "10.0.0.1"; null if not an address. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let s = (raw ?? "").trim();
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(s)) s = s.slice(7);
  return isIP(s) ? s : null;
}

/**
 * The client's address, for throttles and the session record. Forwarding headers are believed only from a
 * trusted proxy (TRUSTED_PROXIES): X-Forwarded-For is read from the right, each hop added by a trusted proxy
 * naming the one before it, and the first address that is not a trusted proxy is the client; without
 * X-Forwarded-For, X-Real-IP. From any other peer both headers are ignored: anyone could forge them.
 */
export function clientIp(c: Context, trustedProxies: readonly string[]): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = normaliseAddress(env?.incoming?.socket?.remoteAddress);
  if (!peer || trustedProxies.length === 0) return peer;
  const list = trustedList(trustedProxies);
  const trusted = (a: string) => list.check(a, isIP(a) === 6 ? "ipv6" : "ipv4");
  if (!trusted(peer)) return peer;
  const forwarded = c.req.header("x-forwarded-for");
  if (forwarded) {
    let nearest = peer;
    for (const hop of forwarded.split(",").reverse()) {
      const addr = normaliseAddress(hop);
      // A hop that is not an address: nothing to its left can be believed; the nearest known hop is the best answer.
      if (!addr) return nearest;
      if (!trusted(addr)) return addr;
      nearest = addr;
    }
    return nearest;
  }
  return normaliseAddress(c.req.header("x-real-ip")) ?? peer;
}
