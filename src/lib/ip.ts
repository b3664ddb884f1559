import { BlockList, isIP } from "node:net";

/**
 * IP addresses and CIDR ranges (IPv4 and IPv6) on node's own BlockList, so the arithmetic is
 * not ours to get wrong. An IPv4 address written as IPv6 (::ffff:1.2.3.4, as a dual-stack
 * socket reports it) is taken as the IPv4 address it is.
 */

export type Family = "ipv4" | "ipv6";

/** The address in its plain form: IPv4-mapped IPv6 unwrapped, zone id dropped; undefined when it is no IP. */
export function normaliseIp(text: string): { address: string; family: Family } | undefined {
  let t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) t = t.slice(1, -1);
  t = t.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(t);
  if (mapped?.[1]) t = mapped[1];
  const v = isIP(t);
  if (v === 4) return { address: t, family: "ipv4" };
  if (v === 6) return { address: t.toLowerCase(), family: "ipv6" };
  return undefined;
}

/** "10.0.0.0/8", "2001:db8::/32" or a single address; undefined when it is neither. */
export function parseCidr(text: string): { address: string; prefix: number; family: Family } | undefined {
  const [addr = "", bits, ...rest] = text.trim().split("/");
  if (rest.length > 0) return undefined;
  const ip = normaliseIp(addr);
  if (!ip) return undefined;
  const max = ip.family === "ipv4" ? 32 : 128;
  if (bits === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  return prefix <= max ? { ...ip, prefix } : undefined;
}

/** A set of ranges that answers "is this address in one of them". Bad entries are refused by the caller (parseCidr). */
export function ipRanges(entries: readonly string[]) {
  const list = new BlockList();
  let size = 0;
  for (const entry of entries) {
    const c = parseCidr(entry);
    if (!c) throw new RangeError(`not an IP or CIDR range: ${entry}`);
    list.addSubnet(c.address, c.prefix, c.family);
    size++;
  }
  return {
    size,
    has(address: string): boolean {
      const ip = normaliseIp(address);
      return ip !== undefined && list.check(ip.address, ip.family);
    },
  };
}

export type IpRanges = ReturnType<typeof ipRanges>;

/**
 * The client's address: the socket's peer, unless that peer is one of our trusted proxies; then
 * X-Forwarded-For is read from the right, skipping trusted proxies, and the first other address
 * is the client. Anyone else's X-Forwarded-For is ignored (it is the client's own claim).
 */
export function clientIp(peer: string | undefined, forwardedFor: string | undefined, trusted: IpRanges): string | undefined {
  const direct = peer === undefined ? undefined : normaliseIp(peer)?.address;
  if (direct === undefined || !trusted.has(direct) || !forwardedFor) return direct;
  const hops = forwardedFor
    .split(",")
    .map((h) => normaliseIp(h))
    .filter((h) => h !== undefined);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]?.address;
    if (hop !== undefined && !trusted.has(hop)) return hop;
  }
  return hops[0]?.address ?? direct;
}

/**
 * Addresses a callback must never reach (SSRF): this host, private networks, link-local (which
 * holds the cloud metadata service, 169.254.169.254 and fd00:ec2::254), and the unspecified,
 * shared, multicast and reserved blocks.
 */
const NOT_PUBLIC = ipRanges([
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "224.0.0.0/3",
  "::/128",
  "::1/128",
  "64:ff9b::/96",
  "100::/64",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
  "fd00:ec2::254/128",
]);

export function isPublicIp(address: string): boolean {
  const ip = normaliseIp(address);
  return ip !== undefined && !NOT_PUBLIC.has(ip.address);
}
