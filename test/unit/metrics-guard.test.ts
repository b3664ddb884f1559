import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { metricsGuard } from "../../src/server/metrics-guard.js";

/** The Node server hands hono the socket; here it is given directly. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 40000, remoteFamily: "IPv4" } } });

function app(token?: string) {
  let collected = 0;
  const a = new Hono();
  a.get("/metrics", metricsGuard(token), (c) => {
    collected++;
    return c.text("metrics");
  });
  return { a, collected: () => collected };
}

describe("the /metrics guard", () => {
  it("without METRICS_TOKEN answers loopback only, before collecting anything", async () => {
    const { a, collected } = app();
    expect((await a.request("/metrics", {}, from("127.0.0.1"))).status).toBe(200);
    expect((await a.request("/metrics", {}, from("::1"))).status).toBe(200);
    expect((await a.request("/metrics", {}, from("::ffff:127.0.0.1"))).status).toBe(200);
    expect((await a.request("/metrics", {}, from("203.0.113.9"))).status).toBe(403);
    expect((await a.request("/metrics", {}, from("::ffff:10.1.2.3"))).status).toBe(403);
    expect(collected()).toBe(3);
  });

  it("with METRICS_TOKEN wants exactly that Bearer token, from anywhere", async () => {
    const { a, collected } = app("s3cret-metrics-token-123");
    expect((await a.request("/metrics", {}, from("127.0.0.1"))).status).toBe(401);
    expect((await a.request("/metrics", { headers: { Authorization: "Bearer wrong" } }, from("203.0.113.9"))).status).toBe(401);
    expect(
      (await a.request("/metrics", { headers: { Authorization: "Bearer s3cret-metrics-token-12" } }, from("203.0.113.9"))).status,
    ).toBe(401);
    expect((await a.request("/metrics", { headers: { Authorization: "s3cret-metrics-token-123" } }, from("203.0.113.9"))).status).toBe(401);
    expect(
      (await a.request("/metrics", { headers: { Authorization: "Bearer s3cret-metrics-token-123" } }, from("203.0.113.9"))).status,
    ).toBe(200);
    expect(collected()).toBe(1);
  });
});
