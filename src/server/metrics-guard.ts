import { getConnInfo } from "@hono/node-server/conninfo";
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";

const isLoopback = (address: string | undefined) => address !== undefined && (address === "::1" || /^(::ffff:)?127\./.test(address));

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * /metrics is on the public port: with METRICS_TOKEN it wants that Bearer token, without one it
 * answers loopback only. Refused before any collection, so a stranger's scrape costs no store read.
 */
export function metricsGuard(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token) {
      const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
      if (!given || !sameSecret(given, token)) return c.text("unauthorized", 401, { "WWW-Authenticate": "Bearer" });
    } else if (!isLoopback(getConnInfo(c).remote.address)) {
      return c.text("forbidden", 403);
    }
    await next();
  };
}
