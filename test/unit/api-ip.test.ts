import { describe, expect, it } from "vitest";
import { clientIp, ipRanges, isPublicIp, normaliseIp, parseCidr } from "../../src/lib/ip.js";

describe("IP ranges for the API's allowed IPs and trusted proxies", () => {
  it("parses addresses and CIDR ranges of both families, refusing the rest", () => {
    expect(parseCidr("203.0.113.0/24")).toEqual({ address: "203.0.113.0", prefix: 24, family: "ipv4" });
    expect(parseCidr("2001:DB8::/32")).toEqual({ address: "2001:db8::", prefix: 32, family: "ipv6" });
    expect(parseCidr("10.1.2.3")).toEqual({ address: "10.1.2.3", prefix: 32, family: "ipv4" });
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0/8", "example.com", "1.2.3.4/x", "1.2.3.4/8/8", ""])
      expect(parseCidr(bad)).toBeUndefined();
  });

  it("matches IPv4 and IPv6 ranges, and IPv4-mapped IPv6 as the IPv4 it is", () => {
    const r = ipRanges(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"]);
    expect(r.has("203.0.113.255")).toBe(true);
    expect(r.has("203.0.114.0")).toBe(false);
    expect(r.has("::ffff:203.0.113.9")).toBe(true);
    expect(r.has("2001:db8:ffff::1")).toBe(true);
    expect(r.has("2001:db9::1")).toBe(false);
    expect(r.has("198.51.100.7")).toBe(true);
    expect(r.has("198.51.100.8")).toBe(false);
    expect(r.has("not an ip")).toBe(false);
    expect(() => ipRanges(["10.0.0.0/99"])).toThrow(RangeError);
  });

  it("believes X-Forwarded-For only from a trusted proxy, read from the right", () => {
    const trusted = ipRanges(["10.0.0.0/8", "::1"]);
    expect(clientIp("198.51.100.1", "203.0.113.5", trusted)).toBe("198.51.100.1");
    expect(clientIp("10.0.0.2", "203.0.113.5", trusted)).toBe("203.0.113.5");
    // The client wrote its own first hop; our proxies appended the rest.
    expect(clientIp("10.0.0.2", "1.1.1.1, 203.0.113.5, 10.0.0.9", trusted)).toBe("203.0.113.5");
    expect(clientIp("::ffff:10.0.0.2", "2001:db8::7", trusted)).toBe("2001:db8::7");
    expect(clientIp("::1", undefined, trusted)).toBe("::1");
    expect(clientIp("10.0.0.2", "garbage", trusted)).toBe("10.0.0.2");
    expect(clientIp(undefined, "203.0.113.5", trusted)).toBeUndefined();
  });

  it("tells public addresses from loopback, private, link-local and metadata ones", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.1.1",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00:ec2::254",
      "fc00::1",
      "::ffff:127.0.0.1",
      "100.64.0.1",
    ]) {
      expect(isPublicIp(a), a).toBe(false);
    }
    for (const a of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"]) expect(isPublicIp(a), a).toBe(true);
    expect(normaliseIp("[::1]")).toEqual({ address: "::1", family: "ipv6" });
  });
});
