import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../support/bot-process.js";
import { tap } from "../support/harness.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Every secret the configuration takes, each a value no log line or chat could contain by chance. */
const SECRETS = {
  BOT_TOKEN: "424242:SeCrEt-BOT-token-cafebabe0123456789",
  TELEGRAM_WEBHOOK_SECRET: "SeCrEt-tg-webhook-0123456789",
  METRICS_TOKEN: "SeCrEt-metrics-token-0123456789",
  GAMETOPUP_API_KEY: "SeCrEt-gametopup-key-0123456789",
  XINSTITUTE_API_KEY: "SeCrEt-xinstitute-key-0123456789",
  XINSTITUTE_WEBHOOK_SECRET: "SeCrEt-xinstitute-whsec-0123456789",
  XEN_API_KEY: "SeCrEt-xen-key-0123456789",
  XEN_WEBHOOK_SECRET: "SeCrEt-xen-whsec-0123456789",
  VIFOX_API_KEY: "SeCrEt-vifox-key-0123456789",
  VIFOX_API_SECRET: "SeCrEt-vifox-secret-0123456789",
  XPAY_SECRET_KEY: "SeCrEt-xpay-secret-0123456789",
};

/** /topup to the confirmation card, waiting for each step's own message (older cards carry the same buttons). */
async function toConfirm(u: FakeUser) {
  let seen = u.messages().length;
  await u.send("/topup");
  await u.waitForMessage({ match: /choose/i, after: seen });
  await tap(u, /Mobile/);
  await tap(u, /86 Diamonds/);
  seen = u.messages().length;
  await tap(u, /Buy/);
  await u.waitForMessage({ match: /player ID/i, after: seen });
  await u.send("12345678");
  await u.waitForMessage({ match: /zone/i, after: seen });
  seen = u.messages().length;
  await u.send("2001");
  await u.waitForMessage({ match: /Confirm your order/, after: seen });
}

describe.skipIf(!redisAvailable || !postgresAvailable)("configured secrets", () => {
  let p: Awaited<ReturnType<typeof startBotProcess>>;
  beforeAll(async () => {
    p = await startBotProcess({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      token: SECRETS.BOT_TOKEN,
      keys: {
        gametopup: SECRETS.GAMETOPUP_API_KEY,
        xinstitute: [SECRETS.XINSTITUTE_API_KEY, SECRETS.XINSTITUTE_WEBHOOK_SECRET],
        xen: [SECRETS.XEN_API_KEY, SECRETS.XEN_WEBHOOK_SECRET],
        vifox: [SECRETS.VIFOX_API_KEY, SECRETS.VIFOX_API_SECRET],
        xpay: SECRETS.XPAY_SECRET_KEY,
      },
      // The most talkative level: whatever any path logs, it logs here.
      env: {
        LOG_LEVEL: "trace",
        TELEGRAM_WEBHOOK_SECRET: SECRETS.TELEGRAM_WEBHOOK_SECRET,
        METRICS_TOKEN: SECRETS.METRICS_TOKEN,
        // The API test's callback receiver is on loopback.
        API_CALLBACK_ALLOW_PRIVATE: "true",
      },
    });
    for (const [name, value] of Object.entries(SECRETS)) expect(p.env[name], name).toBe(value);
    await p.start();
  }, 60_000);
  afterAll(() => p?.close());

  it("never appear in a log line or a chat message through purchases, failures, webhooks, deposits and admin commands", async () => {
    const u = await p.reseller(6201);
    await p.credit(u.id, 200_000, "IDR", "secrets-credit");

    // A purchase that goes through, then one whose answer is garbage (unknown, admins alerted).
    for (const fault of [undefined, "garbage"] as const) {
      await toConfirm(u);
      if (fault) p.gametopup.control.failNext("order", { afterProcessing: fault });
      const seen = u.messages().length;
      await tap(u, /Confirm/);
      await u.waitForMessage({ match: fault ? /checking with the provider/ : /placed/, after: seen, timeoutMs: 15_000 });
    }
    // The provider refuses our key: an auth error, logged and told to the admins.
    p.gametopup.control.setIpStatus("not_whitelisted");
    await toConfirm(u);
    let seen = u.messages().length;
    await tap(u, /Confirm/);
    await u.waitForMessage({ match: /refused/, after: seen, timeoutMs: 15_000 });
    p.gametopup.control.setIpStatus("whitelisted");

    // A licence check (xen's key) and a deposit (xpay's secret).
    seen = u.messages().length;
    await u.send("/license XS-ABC-DEF-GHI");
    await u.waitForMessage({ match: /XS-ABC-DEF-GHI/, after: seen, timeoutMs: 10_000 });
    seen = u.messages().length;
    await u.send("/deposit");
    await tap(u, /50,000/);
    await u.waitForMessage({ match: /xpay/, after: seen, timeoutMs: 10_000 });

    // Webhooks: a forged one, a signed one for an order we do not know.
    const body = JSON.stringify({ event: "order.completed", order_id: "XI-UNKNOWN-1", timestamp: "2025-01-01T00:00:00Z" });
    const forged = await fetch(`${p.url}/webhooks/xinstitute`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-signature": "0".repeat(64) },
      body,
    });
    expect(forged.status).toBe(401);
    await fetch(`${p.url}/webhooks/xinstitute`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-webhook-signature": createHmac("sha256", SECRETS.XINSTITUTE_WEBHOOK_SECRET).update(body).digest("hex"),
      },
      body,
    });
    expect((await fetch(`${p.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    expect((await fetch(`${p.url}/metrics`, { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } })).status).toBe(200);

    // Admin commands that show orders, providers and configuration.
    const orderId = (await p.store.orders.idsInState("unknown"))[0]!;
    for (const command of ["/stats", "/providers", `/order ${orderId}`, `/refund ${orderId}`, "/report", "/user 6201", "/audit"]) {
      seen = p.admin.messages().length;
      await p.admin.send(command);
      await p.admin.waitForMessage({ after: seen, timeoutMs: 10_000 });
    }

    const chats = [
      ...p.telegram.sentMessages().map((m) => m.text),
      ...p.telegram.calls("answerCallbackQuery").map((c) => String(c.payload.text ?? "")),
    ].join("\n");
    const logs = p.output();
    // The check means something: the bot talked and logged at length.
    expect(logs.split("\n").length).toBeGreaterThan(20);
    expect(logs).toMatch(/provider call failed/);
    expect(chats).toMatch(/unknown outcome/);
    const leaks = [...Object.entries(SECRETS), ["REDIS_URL", p.env.REDIS_URL!], ["DATABASE_URL", p.env.DATABASE_URL!]].flatMap(
      ([name, value]) => [
        ...(logs.includes(value!) ? [`${name} in the logs`] : []),
        ...(chats.includes(value!) ? [`${name} in a chat`] : []),
      ],
    );
    expect(leaks).toEqual([]);
  }, 90_000);

  it("reseller API keys and callback secrets never appear in a log line, and in chat only in the message that shows them", async () => {
    const u = await p.reseller(6202);
    await p.credit(u.id, 200_000, "IDR", "secrets-api-credit");
    const shownKeys: { key: string; secret: string }[] = [];
    const showKey = async () => {
      const seen = u.messages().length;
      const m = await u.waitForMessage({ match: /Your API key/, after: seen - 1 });
      shownKeys.push({ key: /rk_live_[0-9A-Za-z]+/.exec(m.text)![0], secret: /whsec_[0-9A-Za-z]+/.exec(m.text)![0] });
    };
    let seen = u.messages().length;
    await u.send("/api");
    await u.waitForMessage({ match: /No API key yet/, after: seen });
    await tap(u, /Create key/);
    await showKey();
    const { key } = shownKeys[0]!;

    // A receiver for the callbacks, signed with the secret.
    const got: string[] = [];
    const receiver = createServer((req, res) => {
      req.resume();
      got.push(String(req.headers["x-signature"]));
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
    const port = (receiver.address() as AddressInfo).port;
    try {
      seen = u.messages().length;
      await u.send(`/api url http://127.0.0.1:${port}/hooks`);
      await u.waitForMessage({ match: /Test ping/, after: seen, timeoutMs: 10_000 });

      const call = (auth: string, method = "GET", path = "/api/v1/me", body?: unknown) =>
        fetch(`${p.url}${path}`, {
          method,
          headers: { authorization: auth, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      expect((await call(`Bearer ${key}`)).status).toBe(200);
      expect((await call(`Bearer ${key}x`)).status).toBe(401);
      expect((await call(`Bearer ${key} ${key}`)).status).toBe(401);
      expect((await call(`Bearer ${key}`, "POST", "/api/v1/orders", { ref_id: "s", product_id: "gametopup:1", bogus: key })).status).toBe(
        422,
      );
      const placed = await call(`Bearer ${key}`, "POST", "/api/v1/orders", {
        ref_id: "s",
        product_id: "gametopup:1",
        player_id: "12345678",
      });
      expect(placed.status).toBe(201);
      await expect.poll(() => got.length, { timeout: 15_000 }).toBeGreaterThan(1);

      // Rotated: the old key is refused, and the refusal is logged without it.
      await u.send("/api");
      await u.waitForMessage({ match: /Key: /, after: u.messages().length - 1 });
      await tap(u, /Rotate key/);
      await tap(u, /Yes, rotate/);
      await showKey();
      expect((await call(`Bearer ${key}`)).status).toBe(401);
      expect((await call(`Bearer ${shownKeys[1]!.key}`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }

    const logs = p.output();
    const chats = p.telegram
      .sentMessages()
      .map((m) => m.text)
      .filter((t) => !/Your API key/.test(t))
      .join("\n");
    const leaks = shownKeys.flatMap(({ key, secret }) => [
      ...(logs.includes(key) ? ["a key in the logs"] : []),
      ...(logs.includes(secret) ? ["a callback secret in the logs"] : []),
      ...(chats.includes(key) || chats.includes(secret) ? ["a key or secret in another chat message"] : []),
    ]);
    expect(leaks).toEqual([]);
  }, 90_000);
});
