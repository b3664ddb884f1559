/**
 * A transport on `undici.request` for providers whose answers Node's fetch hides: the Fetch
 * standard turns an HTTP 407 into a network error, and vifox answers 407 "Request expired".
 */
import { request } from "undici";
import type { HttpTransport } from "./http.js";

export const undiciTransport: HttpTransport = async (req) => {
  const headers = { ...req.headers };
  let body: string | Uint8Array | undefined;
  if (typeof req.body === "string" || req.body instanceof Uint8Array) body = req.body;
  else if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  }
  const res = await request(req.url, { method: req.method as "GET" | "POST", headers, body, signal: req.signal });
  // The signal stays armed while the body streams in, so a stalled body times out too.
  const text = await res.body.text();
  return { status: res.statusCode, headers: toHeaders(res.headers), text };
};

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}
