import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/bot/features/order-card.js";
import type { Locale } from "../../src/domain/locale.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Intl puts a no-break space between a currency code and the amount; tests write a plain one. */
const plain = (text: string) => text.replace(/\u00a0/g, " ");

/** Resolves with the first message after the first `after` whose text matches. */
async function next(user: FakeUser, after: number, match: RegExp | string = /./, timeoutMs = 5000) {
  const hit = (t: string) => (typeof match === "string" ? plain(t).includes(match) : match.test(plain(t)));
  const m = await user.waitFor(
    (all) => all.slice(after).find((x) => hit(x.text)),
    timeoutMs,
    `a message matching ${String(match)} after #${after}`,
  );
  return { ...m, text: plain(m.text) };
}

/** Sends `text` and resolves with the bot's next reply. */
async function ask(user: FakeUser, text: string, match: RegExp | string = /./, timeoutMs = 5000) {
  const after = user.messages().length;
  await user.send(text);
  return next(user, after, match, timeoutMs);
}

/**
 * An active reseller stored directly: registering through the bot in approval mode alerts the
 * admin for each one, and the admin chat's one-message-a-second pace would hold back the
 * webhook notices these tests wait for.
 */
async function activeReseller(h: Harness, id: number, language: Locale = "en", status: "active" | "pending" = "active"): Promise<FakeUser> {
  const user = h.telegram.user({ id, first_name: `Reseller${id}`, language_code: language });
  await h.app.store.users.createIfAbsent({
    id,
    firstName: `Reseller${id}`,
    telegramLanguage: language,
    status,
    tier: "member",
    createdAt: Date.now(),
  });
  return user;
}

/** Verification calls the fake xen received for one key. */
const calls = (h: Harness, key: string) => h.xen.control.requests("license").filter((r) => r.path.endsWith(`/licenses/${key}`)).length;

/** Every queued notification has gone out. */
async function settle(h: Harness, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while ((await h.app.queues.depth("notifications")) > 0) {
    if (Date.now() > until) throw new Error("notifications queue did not drain");
    await new Promise((r) => setTimeout(r, 25));
  }
  // A sent message reaches the fake's chat record a moment after its job completes.
  await new Promise((r) => setTimeout(r, 300));
}

/** Messages after the first `after` that contain `text`. */
const count = (u: FakeUser, after: number, text: string) =>
  u
    .messages()
    .slice(after)
    .filter((m) => plain(m.text).includes(text)).length;

describe.skipIf(!redisAvailable || !postgresAvailable)("xen licences through the bot (real PostgreSQL and Redis, fake xen)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  const sign = (body: string, secret = h.xen.webhookSecret) => createHmac("sha256", secret).update(body).digest("hex");
  async function post(body: string, signature: string | null) {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (signature !== null) headers["X-Webhook-Signature"] = signature;
    const res = await fetch(`${h.url}/webhooks/xen`, { method: "POST", headers, body });
    await res.arrayBuffer();
    return res.status;
  }

  it("answers valid, revoked, expired and unknown keys in English, Indonesian and Burmese, with domain, expiry and extension", async () => {
    const expiry = (key: string, locale: Locale) => formatDate(Math.floor(h.xen.control.licence(key)!.expiresAt! / 1000) * 1000, locale);
    const cases: {
      locale: Locale;
      id: number;
      valid: string;
      revoked: string;
      expired: string;
      unknown: string;
      domain: string;
      expires: string;
      extension: string;
    }[] = [
      {
        locale: "en",
        id: 7101,
        valid: "✅ Valid",
        revoked: "⛔ Revoked",
        expired: "⌛ Expired",
        unknown: "No licence with the key XS-NOT-THE-RE1 exists",
        domain: "Domain:",
        expires: "Expiry date:",
        extension: "Extension:",
      },
      {
        locale: "id",
        id: 7102,
        valid: "✅ Berlaku",
        revoked: "⛔ Dicabut",
        expired: "⌛ Kedaluwarsa",
        unknown: "Tidak ada lisensi dengan kunci XS-NOT-THE-RE1",
        domain: "Domain:",
        expires: "Tanggal kedaluwarsa:",
        extension: "Ekstensi:",
      },
      {
        locale: "my",
        id: 7103,
        valid: "✅ အသုံးပြုနိုင်သည်",
        revoked: "⛔ ရုပ်သိမ်းထားသည်",
        expired: "⌛ သက်တမ်းကုန်သွားပြီ",
        unknown: "XS-NOT-THE-RE1 ကီးနဲ့ လိုင်စင် မရှိပါ",
        domain: "ဒိုမိန်း:",
        expires: "သက်တမ်းကုန်ရက်:",
        extension: "Extension:",
      },
    ];
    for (const c of cases) {
      const u = await activeReseller(h, c.id, c.locale);
      const valid = await ask(u, "/license XS-ABC-DEF-GHI");
      expect(valid.text).toContain("XS-ABC-DEF-GHI");
      expect(valid.text).toContain(c.valid);
      expect(valid.text).toContain(`${c.domain} forum.example.com`);
      expect(valid.text).toContain(`${c.expires} ${expiry("XS-ABC-DEF-GHI", c.locale)}`);
      expect(valid.text).toContain(`${c.extension} Teams 1.0.0`);

      const revoked = await ask(u, "/license XS-REV-OKE-D01");
      expect(revoked.text).toContain(c.revoked);
      expect(revoked.text).toContain("revoked.example.net");
      expect(revoked.text).toContain(`${c.extension} Resource Manager Pro 2.3.1`);
      expect(revoked.text).not.toContain(c.valid);

      const expired = await ask(u, "/license XS-EXP-IRE-D01");
      expect(expired.text).toContain(c.expired);
      expect(expired.text).toContain(`${c.expires} ${expiry("XS-EXP-IRE-D01", c.locale)}`);
      expect(expired.text).toContain("old.example.org");

      const unknown = await ask(u, "/license XS-NOT-THE-RE1");
      expect(unknown.text).toContain(c.unknown);
      expect(unknown.text).not.toContain(c.valid);
    }
    // The dates differ by locale: the reader's own format, Latin digits.
    expect(expiry("XS-ABC-DEF-GHI", "en")).not.toBe(expiry("XS-ABC-DEF-GHI", "id"));
    expect(expiry("XS-ABC-DEF-GHI", "my")).toMatch(/\d{4}/);

    // Resellers who asked about a key xen knows are linked to it; an unknown key links no one.
    const links = h.app.store.licenceLinks;
    expect(await links.users("XS-ABC-DEF-GHI")).toEqual([7101, 7102, 7103]);
    expect(await links.users("XS-NOT-THE-RE1")).toEqual([]);

    // Admins may check keys too, and are not linked (they hear of every key anyway).
    const admin = await ask(h.admin, "/license XS-ABC-DEF-GHI", /Licence/);
    expect(admin.text).toContain("✅ Valid");
    expect(await links.users("XS-ABC-DEF-GHI")).not.toContain(h.admin.id);
  });

  it("explains usage, refuses a malformed key and a pending account, all without calling xen", async () => {
    const u = await activeReseller(h, 7201);
    const before = h.xen.control.requests().length;
    expect((await ask(u, "/license")).text).toContain("Send /license followed by the licence key");
    for (const bad of ["hello", "XS ABC DEF GHI", "../../me", "XS-ABC-DEF-GHI?x=1", "<b>XS-ABC-DEF</b>", "XS--ABC"]) {
      expect((await ask(u, `/license ${bad}`)).text, bad).toContain("does not look like a licence key");
    }
    const pending = await activeReseller(h, 7202, "en", "pending");
    expect((await ask(pending, "/license XS-ABC-DEF-GHI")).text).toContain("waiting for approval");
    expect(h.xen.control.requests().length).toBe(before);
  });

  it("costs one xen call for several lookups of one key within the minute, across resellers and a restarted process", async () => {
    const key = h.xen.control.addLicence({ domain: "cache.example.com" });
    const a = await activeReseller(h, 7301);
    const b = await activeReseller(h, 7302);
    expect((await ask(a, `/license ${key}`)).text).toContain("cache.example.com");
    expect((await ask(a, `/license ${key}`)).text).toContain("cache.example.com");
    expect((await ask(b, `/license ${key}`)).text).toContain("cache.example.com");
    expect(calls(h, key)).toBe(1);
    // The cache lives in Redis, so a new bot process (or another instance) uses it too.
    await h.restart();
    expect((await ask(a, `/license ${key}`)).text).toContain("✅ Valid");
    expect(calls(h, key)).toBe(1);
    expect(await h.app.store.licenceLinks.users(key)).toEqual([7301, 7302]);

    // Two resellers asking at the same moment, while xen is slow: still one call.
    const slow = h.xen.control.addLicence({ domain: "slow.example.com" });
    h.xen.control.setLatency("license", 400);
    const answers = await Promise.all([ask(a, `/license ${slow}`), ask(b, `/license ${slow}`)]);
    h.xen.control.setLatency("license", 0);
    for (const r of answers) expect(r.text).toContain("slow.example.com");
    expect(calls(h, slow)).toBe(1);
  });

  it("a signed license.revoked reaches the admin and the linked reseller once each; a replay and forgeries add nothing", async () => {
    const key = h.xen.control.addLicence({ domain: "shop.example.id" });
    const linked = await activeReseller(h, 7401, "id");
    const bystander = await activeReseller(h, 7402);
    expect((await ask(linked, `/license ${key}`)).text).toContain("✅ Berlaku");
    await settle(h);
    const adminSeen = h.admin.messages().length;
    const linkedSeen = linked.messages().length;
    const bystanderSeen = bystander.messages().length;

    const delivery = (await h.xen.control.revokeLicence(key))!;
    expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
    const adminMsg = await next(h.admin, adminSeen, key);
    expect(adminMsg.text).toContain("xen: licence");
    expect(adminMsg.text).toContain("revoked");
    expect(adminMsg.text).toContain("shop.example.id");
    expect(adminMsg.text).toContain("Teams");
    const resellerMsg = await next(linked, linkedSeen, key);
    expect(resellerMsg.text).toContain("telah dicabut");

    // The same delivery again, twice at once: 200 and nothing new.
    expect((await h.xen.control.redeliver(delivery.index)).attempts.at(-1)!.status).toBe(200);
    const both = await Promise.all([h.xen.control.redeliver(delivery.index), h.xen.control.redeliver(delivery.index)]);
    expect(both.map((d) => d.attempts.at(-1)!.status)).toEqual([200, 200]);

    // Forged deliveries of a fresh event about the same key: 401, nothing happens.
    for (const forge of ["wrong_secret", "tampered_body", "no_signature"] as const) {
      const forged = await h.xen.control.sendWebhook("license.domain_changed", { license_key: key, domain: "evil.example.com" }, { forge });
      expect(
        forged.attempts.map((a) => a.status),
        forge,
      ).toEqual([401]);
    }
    // A correctly signed body that is not a valid event: 400, nothing happens.
    const notAnEvent = JSON.stringify({ id: "evt_bad", event: "license.exploded", data: { license_key: key } });
    expect(await post(notAnEvent, sign(notAnEvent))).toBe(400);
    expect(await post("{not json", sign("{not json"))).toBe(400);
    // Signed with the secret, then sent with an upper-case or truncated signature: 401.
    const genuine = JSON.stringify({ id: "evt_sig", event: "license.revoked", data: { license_key: key } });
    expect(await post(genuine, sign(genuine).toUpperCase())).toBe(401);
    expect(await post(genuine, sign(genuine).slice(0, 40))).toBe(401);

    await settle(h);
    expect(count(h.admin, adminSeen, key)).toBe(1);
    expect(count(linked, linkedSeen, key)).toBe(1);
    expect(h.admin.messages().length).toBe(adminSeen + 1);
    expect(linked.messages().length).toBe(linkedSeen + 1);
    expect(bystander.messages().length).toBe(bystanderSeen);
    expect(count(h.admin, 0, "evil.example.com")).toBe(0);
  });

  it("turns each of the seven events into its own admin message with key, domain, order and extension", async () => {
    const key = h.xen.control.addLicence({ domain: "seven.example.com" });
    const linked = await activeReseller(h, 7501);
    await ask(linked, `/license ${key}`, "seven.example.com");
    await settle(h);
    const adminSeen = h.admin.messages().length;
    const linkedSeen = linked.messages().length;
    const ext = { name: "Teams", slug: "extension", version: "1.0.0" };
    const data = {
      license_key: key,
      domain: "seven.example.com",
      order_id: 4242,
      extension: ext,
      amount: 49,
      currency: "EUR",
      customer_email: "buyer@example.com",
    };
    const events = [
      "license.activated",
      "license.revoked",
      "license.domain_changed",
      "order.paid",
      "order.refunded",
      "subscription.created",
      "subscription.canceled",
    ] as const;
    for (const e of events)
      expect(
        (await h.xen.control.sendWebhook(e, data)).attempts.map((a) => a.status),
        e,
      ).toEqual([200]);

    const expected = [
      /activated on seven\.example\.com/,
      /revoked · domain seven\.example\.com/,
      /moved to the domain seven\.example\.com/,
      /order 4242 paid · €49\.00 · Teams 1\.0\.0/,
      /order 4242 refunded · €49\.00/,
      /subscription created · order 4242/,
      /subscription canceled · order 4242/,
    ];
    for (const re of expected) await next(h.admin, adminSeen, re, 15_000);
    await settle(h);
    const adminNew = h.admin
      .messages()
      .slice(adminSeen)
      .map((m) => plain(m.text));
    expect(adminNew).toHaveLength(7);
    for (const t of adminNew) expect(t).toContain(key);
    expect(adminNew.filter((t) => t.includes("buyer@example.com"))).toHaveLength(4);

    // The linked reseller hears of each event too, never the amount nor the buyer.
    const resellerNew = linked
      .messages()
      .slice(linkedSeen)
      .map((m) => plain(m.text));
    expect(resellerNew).toHaveLength(7);
    for (const t of resellerNew) {
      expect(t).toContain(key);
      expect(t).not.toMatch(/€|EUR/);
      expect(t).not.toContain("buyer@example.com");
    }
  });

  it("shows the xen account and its recent orders on /providers", async () => {
    const reply = await ask(h.admin, "/providers", /Providers/);
    expect(reply.text).toContain("Account: John Doe (user@example.com)");
    expect(reply.text).toContain("Recent orders:");
    expect(reply.text).toMatch(/#1002 · refunded · €29\.90 · Resource Manager Pro 2\.3\.1 · /);
    expect(reply.text).toMatch(/#1001 · paid · €49\.00 · Teams 1\.0\.0 · /);
    expect(reply.text.indexOf("#1002")).toBeLessThan(reply.text.indexOf("#1001"));
  });

  it("says so when xen is unreachable, and when it is rate-limiting", async () => {
    const u = await activeReseller(h, 7601);
    const down = h.xen.control.addLicence({});
    h.xen.control.failNext("license", { status: 503, body: { error: { code: "unavailable", message: "down" } } }, 3);
    expect((await ask(u, `/license ${down}`, /./, 10_000)).text).toContain("not answering right now");
    // Not cached: the next ask reaches xen again and gets the answer.
    expect((await ask(u, `/license ${down}`)).text).toContain("✅ Valid");

    // Last in this file: a 429 holds every later xen call back for its Retry-After.
    const busy = h.xen.control.addLicence({});
    h.xen.control.failNext("license", {
      status: 429,
      body: { error: { code: "rate_limited", message: "Rate limit exceeded (60/min)." } },
      headers: { "Retry-After": "30" },
    });
    expect((await ask(u, `/license ${busy}`)).text).toContain("Please try again in 30 seconds");
  });
});

describe("xen switched off", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { XEN_BASE_URL: "", XEN_API_KEY: "", XEN_WEBHOOK_SECRET: "" } });
  });
  afterAll(() => h?.close());

  it("/license says licence checks are off, and /webhooks/xen is not there", async () => {
    const u = h.telegram.user({ id: 7701, first_name: "R", language_code: "en" });
    await h.app.store.users.createIfAbsent({
      id: 7701,
      firstName: "R",
      telegramLanguage: "en",
      status: "active",
      tier: "member",
      createdAt: Date.now(),
    });
    expect((await ask(u, "/license XS-ABC-DEF-GHI")).text).toContain("Licence checks are not available");
    const body = JSON.stringify({ id: "evt_1", event: "license.revoked", data: { license_key: "XS-ABC-DEF-GHI" } });
    const res = await fetch(`${h.url}/webhooks/xen`, {
      method: "POST",
      headers: { "X-Webhook-Signature": createHmac("sha256", h.xen.webhookSecret).update(body).digest("hex") },
      body,
    });
    expect(res.status).toBe(404);
    expect(h.xen.control.requests()).toHaveLength(0);
  });
});
