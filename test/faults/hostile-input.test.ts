import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { startWebhookHarness, startTopup, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { seededRandom, type Rng } from "../support/prng.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_610);
const SECRET = "hostile-webhook-secret-0123456789";

const POOLS = [
  "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789 .,;:!?-_/@#",
  "<>&\"'/=;", // HTML-like: must never reach Telegram as broken markup
  "\u202e\u202d\u200f\u200e\u061c", // bidi overrides and marks
  "\u200b\u200c\u200d\u2060\ufeff", // zero-width
  "مرحبا שלום ไทย မြန်မာ 日本語 Ωμέγα",
  "😀🔥💎🇮🇩👨‍👩‍👧",
  "\u0000\u0001\u001f\u007f\u0085\u2028\u2029",
];
const SHAPES = [
  "<b>bold</b>",
  "</code><i>",
  '<a href="javascript:alert(1)">x</a>',
  "&amp;&lt;&#0;",
  "<script>",
  "Tom & Jerry <3",
  "/start",
  "/topup",
  "/buy@fake_reseller_bot",
  "/refund R0000000000",
  "/order ../../etc",
  "/balance extra args",
  "1e309",
  "-0",
  "99999999999999999999999",
  "NaN",
  "null",
  '{"a":1}',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input string, not a template
  "${jndi:ldap://x}",
];
const CALLBACK_DATA = [
  "",
  "x",
  "buy:",
  "confirm:R0000000000",
  "cat:../../",
  "page:-1",
  "page:1e9",
  "🔥".repeat(16),
  "a".repeat(64),
  "\u0000\u202e",
  "order:R0000000000:receipt",
];

function fuzzText(r: Rng): string {
  const roll = r.int(10);
  if (roll === 0) return `${r.pick(SHAPES)} ${r.pick(SHAPES)}`;
  if (roll === 1) return "x".repeat(4096 + r.int(6000)); // longer than Telegram lets a bot echo
  if (roll === 2) return r.pick(SHAPES);
  let out = "";
  const len = 1 + r.int(r.int(4) === 0 ? 800 : 40);
  for (let i = 0; i < len; i++) out += r.pick([...r.pick(POOLS)]);
  return out;
}

/** Message kinds a reseller can send that are not text. */
function mediaMessage(r: Rng, chatId: number, messageId: number): Record<string, unknown> {
  const from = { id: chatId, is_bot: false, first_name: "Fuzz" };
  const base = {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "Fuzz" },
    from,
  };
  const kinds: Record<string, unknown>[] = [
    {
      sticker: {
        file_id: "CAAC",
        file_unique_id: "u1",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: "🔥",
      },
    },
    { photo: [{ file_id: "PH1", file_unique_id: "u2", width: 90, height: 90 }], caption: fuzzText(r).slice(0, 1024) },
    { contact: { phone_number: "+6281234567890", first_name: "<b>Kontak</b>", user_id: chatId } },
    { location: { latitude: -6.2, longitude: 106.8 } },
    { document: { file_id: "DOC", file_unique_id: "u3", file_name: "../../etc/passwd" } },
    { voice: { file_id: "VOI", file_unique_id: "u4", duration: 1 } },
    { dice: { emoji: "🎲", value: 6 } },
    { text: fuzzText(r), entities: [{ type: "bold", offset: 0, length: 99_999 }] },
  ];
  return { ...base, ...r.pick(kinds) };
}

/** Update types the bot does not ask for (allowed_updates; my_chat_member only for the operator group): a Telegram change or a forged post must not hurt. */
function unexpectedUpdate(r: Rng, updateId: number, chatId: number): Record<string, unknown> {
  const user = { id: chatId, is_bot: false, first_name: "Odd" };
  const msg = { message_id: 1, date: 1, chat: { id: chatId, type: "private", first_name: "Odd" }, from: user, text: fuzzText(r) };
  const channel = { message_id: 2, date: 1, chat: { id: -100123, type: "channel", title: "<i>chan</i>" }, text: "/start" };
  const kinds: Record<string, unknown>[] = [
    { edited_message: { ...msg, edit_date: 2 } },
    { channel_post: channel },
    { edited_channel_post: { ...channel, edit_date: 3 } },
    {
      my_chat_member: {
        chat: msg.chat,
        from: user,
        date: 1,
        old_chat_member: { status: "member", user },
        new_chat_member: { status: "kicked", user, until_date: 0 },
      },
    },
    { inline_query: { id: "iq1", from: user, query: fuzzText(r), offset: "" } },
    { chosen_inline_result: { result_id: "r", from: user, query: "q" } },
    {
      poll: {
        id: "p",
        question: "?",
        options: [],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: "regular",
        allows_multiple_answers: false,
      },
    },
    { chat_join_request: { chat: { id: -1001, type: "supergroup", title: "g" }, from: user, user_chat_id: chatId, date: 1 } },
    { message: { ...msg, chat: { id: -1002, type: "group", title: "<b>group</b>" }, text: "/topup" } },
  ];
  return { update_id: updateId, ...r.pick(kinds) };
}

function deepJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

function hostileBodies(r: Rng): (string | Uint8Array)[] {
  const binary = new Uint8Array(2048).map(() => r.int(256));
  return [
    "",
    "null",
    "[]",
    '"string"',
    "1e400",
    '{"event":"order.completed","order_id":123456789012345678901234567890,"amount":1e400}',
    '{"event":"order.completed","event":"order.cancelled","order_id":"X1","order_id":{"$gt":""}}',
    '{"event":[1,2],"order_id":null,"timestamp":"yesterday","data":{"status":true}}',
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    `{"a":${deepJson(20_000)}}`,
    deepJson(50_000),
    `{"bill_no":"${"A".repeat(60_000)}"}`,
    binary,
    '\ufeff{"event":"x"}',
    '{"bill_no":"<script>","status":"PAID","amount":-1}',
  ];
}

describe.skipIf(!redisAvailable || !postgresAvailable)(`hostile input (seed ${SEED}; FUZZ_SEED reproduces)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWebhookHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), secret: SECRET });
  });
  afterAll(() => h?.close());

  const rejected = () =>
    h.telegram
      .calls()
      .filter((c) => c.response && !c.response.ok)
      .map((c) => ({ method: c.method, error: c.response }));
  const quiet = () =>
    waitFor(
      async () => (h.telegram.pendingUpdates() === 0 && (await h.app.queues.depth("notifications")) === 0 ? true : undefined),
      20_000,
      "the bot to work through the updates",
    );

  it("survives fuzzed chats, stale and garbage buttons, and update types it never asked for; every reply is valid for Telegram", async () => {
    const r = seededRandom(SEED);
    const reseller = await h.reseller(9501);
    await h.credit(reseller.id, 50_000, "IDR");
    const stranger = h.telegram.user({ id: 9502, first_name: "<b>Str&anger</b>\u202e", language_code: "ar" });
    const admin = h.admin;

    // Text everywhere: idle, inside the purchase flow's prompts, from an unregistered user and an admin.
    await startTopup(reseller, /86 Diamonds/);
    for (let i = 0; i < 40; i++) await r.pick([reseller, stranger, admin]).send(fuzzText(r));
    await quiet();
    // Non-text messages, straight into the queue (the fake user only types text).
    for (let i = 0; i < 16; i++)
      h.telegram.pushUpdate({ message: mediaMessage(r, r.pick([9501, 9502, 1]), 100_000 + i) } as unknown as Update);
    // Stale and tampered buttons on whatever the bot last sent each of them.
    for (let i = 0; i < 20; i++)
      r.pick([reseller, stranger, admin]).pressData(r.pick(CALLBACK_DATA) + (r.int(2) ? "" : fuzzText(r).slice(0, 20)));
    await quiet();

    // Update types outside allowed_updates, posted as Telegram would: the bot must answer 2xx, not crash.
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${h.url}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(unexpectedUpdate(r, 500_000 + i, r.pick([9501, 9502, 9503]))),
      });
      expect(res.status, `update ${i}`).toBeLessThan(500);
    }
    await quiet();

    expect(rejected()).toEqual([]);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    // Nothing was charged by any of it.
    expect(await h.balance(reseller.id, "IDR")).toBe(50_000);
    expect(h.gametopup.control.requests("order")).toHaveLength(0);
    // And the bot still serves a newcomer and an existing reseller.
    const fresh = h.telegram.user({ id: 9504, first_name: "After" });
    await fresh.send("/start");
    await fresh.waitForMessage({ match: /After/ });
    const seen = reseller.messages().length;
    await reseller.send("/balance");
    expect((await reseller.waitForMessage({ match: /wallet/i, after: seen })).text).toContain("50,000");
    expect(rejected()).toEqual([]);
  }, 60_000);

  it("answers hostile bodies at every webhook route without a 5xx, and changes nothing", async () => {
    const r = seededRandom(SEED + 1);
    const sign = (secret: string, body: string | Uint8Array) => createHmac("sha256", secret).update(body).digest("hex");
    const routes: { path: string; headers: (body: string | Uint8Array) => Record<string, string> }[] = [
      { path: "/webhooks/xinstitute", headers: () => ({}) },
      { path: "/webhooks/xinstitute", headers: (b) => ({ "x-webhook-signature": sign(h.xinstitute.webhookSecret, b) }) },
      { path: "/webhooks/xen", headers: () => ({ "x-webhook-signature": "0".repeat(64) }) },
      { path: "/webhooks/xen", headers: (b) => ({ "x-webhook-signature": sign(h.xen.webhookSecret, b) }) },
      { path: "/webhooks/xpay", headers: () => ({}) },
      { path: "/webhooks/gametopup", headers: () => ({}) },
      { path: "/webhooks/vifox", headers: () => ({}) },
      { path: "/webhooks/%00..%2F", headers: () => ({}) },
      { path: "/telegram", headers: () => ({ "x-telegram-bot-api-secret-token": SECRET }) },
      { path: "/telegram", headers: () => ({}) },
    ];
    // The first test's last /start tells the admins; let that land before counting.
    await h.admin.waitForMessage({ match: /After/, after: 0 });
    await quiet();
    const before = { calls: h.telegram.calls("sendMessage").length, ledger: await h.app.store.reports.ledgerCheck() };
    const errors: string[] = [];
    for (const route of routes) {
      for (const body of hostileBodies(r)) {
        for (const type of ["application/json", "application/octet-stream"]) {
          const res = await fetch(`${h.url}${route.path}`, {
            method: "POST",
            headers: { "content-type": type, ...route.headers(body) },
            body,
          });
          if (res.status >= 500) errors.push(`${res.status} ${route.path} ${type} ${JSON.stringify(String(body).slice(0, 40))}`);
          await res.arrayBuffer();
        }
      }
    }
    expect(errors).toEqual([]);
    await quiet();
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    expect(
      h.telegram
        .calls("sendMessage")
        .slice(before.calls)
        .map((c) => c.payload.text),
    ).toEqual([]);
    expect(await h.app.store.reports.ledgerCheck()).toEqual(before.ledger);
    expect(rejected()).toEqual([]);
  }, 60_000);
});
