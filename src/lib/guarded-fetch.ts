import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup as dnsLookupAll } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { isPublicIp, normaliseIp } from "./ip.js";

/**
 * Requests to addresses resellers choose (callback URLs), with an SSRF guard: the host is
 * resolved and every address it gives must be public, checked again at connect time (the
 * lookup of the socket itself), so a name that resolves to 127.0.0.1 on the second ask
 * (DNS rebinding) is refused too.
 */

export type UrlRefusal = "bad_url" | "not_https" | "unresolvable" | "blocked_address";

export class BlockedAddress extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to a non-public address: ${address}`);
    this.name = "BlockedAddress";
  }
}

/** The socket's own lookup, refusing non-public answers (the connect-time check). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => !isPublicIp(a.address));
    if (bad) return callback(new BlockedAddress(bad.address), "", 4);
    const [first] = list;
    if (!first) return callback(new Error(`no address for ${hostname}`), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, first.address, first.family);
  });
};

const guardedAgent = new Agent({ connect: { lookup: publicOnlyLookup } });
const plainAgent = new Agent();

/** Whether a callback URL may be set: https, resolvable, and only to public addresses (unless private ones are allowed). */
export async function checkCallbackUrl(
  text: string,
  allowPrivate: boolean,
): Promise<{ ok: true; url: string } | { ok: false; reason: UrlRefusal }> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: "bad_url" };
  }
  if (url.username || url.password || text.length > 2048) return { ok: false, reason: "bad_url" };
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return { ok: false, reason: "not_https" };
  if (allowPrivate) return { ok: true, url: url.toString() };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = normaliseIp(host);
  let addresses: string[];
  if (literal) addresses = [literal.address];
  else {
    try {
      addresses = (await dnsLookupAll(host, { all: true })).map((a) => a.address);
    } catch {
      return { ok: false, reason: "unresolvable" };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: "unresolvable" };
  if (addresses.some((a) => !isPublicIp(a))) return { ok: false, reason: "blocked_address" };
  return { ok: true, url: url.toString() };
}

export interface PostResult {
  ok: boolean;
  status?: number;
  error?: "timeout" | "unreachable" | "blocked_address";
}

/** POSTs `body` to `url` within `timeoutMs`; 2xx is ok. The body of the answer is not read beyond draining it. */
export async function guardedPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  // IP literals skip the socket's lookup: they are checked here instead.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const literal = normaliseIp(host);
  if (!opts.allowPrivate && literal && !isPublicIp(literal.address)) return { ok: false, error: "blocked_address" };
  try {
    const res = await undiciFetch(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", "User-Agent": "reseller-bot-callbacks/1", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs),
      dispatcher: opts.allowPrivate ? plainAgent : guardedAgent,
    });
    await res.body?.cancel().catch(() => {});
    return { ok: res.status >= 200 && res.status < 300, status: res.status };
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (err instanceof BlockedAddress || cause instanceof BlockedAddress) return { ok: false, error: "blocked_address" };
    const name = (err as { name?: string }).name;
    return { ok: false, error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable" };
  }
}
