import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { ApiKeys } from "../../domain/api-keys.js";
import { clientIp, type IpRanges } from "../../lib/ip.js";
import type { ApiKeyRecord, ApiSettings, UserRecord } from "../../store/types.js";
import { problem } from "./problem.js";
import type { apiRateLimit } from "./rate-limit.js";

export interface ApiVariables {
  apiKey: ApiKeyRecord;
  reseller: UserRecord;
  apiSettings: ApiSettings;
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Not on a node socket (app.request() in a test): no peer to speak of.
    return undefined;
  }
}

/**
 * Every /api/v1 request but the OpenAPI document: the bearer key (401), the reseller's status
 * and allowed IPs (403), then the key's rate limit (429), with RateLimit-* headers on every answer.
 */
export function apiAuth(deps: {
  keys: ApiKeys;
  rateLimit: ReturnType<typeof apiRateLimit>;
  trustedProxies: IpRanges;
}): MiddlewareHandler<{ Variables: ApiVariables }> {
  return async (c, next) => {
    const header = c.req.header("Authorization") ?? "";
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const ip = clientIp(peerAddress(c), c.req.header("X-Forwarded-For"), deps.trustedProxies);
    const auth = await deps.keys.authenticate(bearer, ip);
    if (!auth.ok) {
      if (auth.reason === "unauthenticated") {
        return problem(c, "unauthenticated", { headers: { "WWW-Authenticate": 'Bearer realm="reseller-api"' } });
      }
      return auth.why === "ip"
        ? problem(c, "ip-not-allowed", { detail: ip ? `Calls from ${ip} are not allowed for this key.` : undefined })
        : problem(c, "forbidden", { detail: "The reseller account is not active." });
    }
    const verdict = await deps.rateLimit.take(auth.key.id);
    c.header("RateLimit-Limit", String(verdict.limit));
    c.header("RateLimit-Remaining", String(verdict.remaining));
    c.header("RateLimit-Reset", String(verdict.resetSeconds));
    c.header("RateLimit-Policy", `${verdict.limit};w=${deps.rateLimit.windowSeconds}`);
    if (!verdict.ok) return problem(c, "rate-limited", { headers: { "Retry-After": String(verdict.resetSeconds) } });
    c.set("apiKey", auth.key);
    c.set("reseller", auth.user);
    c.set("apiSettings", auth.settings);
    await next();
  };
}
