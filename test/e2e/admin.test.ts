import type { Message, Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_COMMANDS } from "../../src/bot/commands-menu.js";
import type { OrderRecord } from "../../src/store/types.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Intl puts a no-break space between a currency code and the amount; tests write a plain one. */
const plain = (text: string) => text.replace(/\u00a0/g, " ");
const hits = (match: RegExp | string) => (text: string) =>
  typeof match === "string" ? plain(text).includes(match) : match.test(plain(text));

/** Resolves with the first message after the first `after` whose text matches, spaces made plain. */
async function next(user: FakeUser, after: number, match: RegExp | string = /./, timeoutMs = 5000) {
  const hit = hits(match);
  const m = await user.waitFor(
    (all) => all.slice(after).find((x) => hit(x.text)),
    timeoutMs,
    `a message matching ${String(match)} after #${after}`,
  );
  return { ...m, text: plain(m.text) };
}

/** Sends `text` and resolves with the first reply after it that matches. */
async function ask(user: FakeUser, text: string, match: RegExp | string = /./, timeoutMs = 5000) {
  const after = user.messages().length;
  await user.send(text);
  return next(user, after, match, timeoutMs);
}

/** Resolves once any message in the chat (already there or still to come) matches: for queued notices. */
const received = (user: FakeUser, match: RegExp | string, timeoutMs = 5000) => next(user, 0, match, timeoutMs);

/**
 * An active reseller with a chat, stored directly: h.reseller() goes through registration,
 * which in approval mode alerts the admin for each one, and the admin chat's one-message-a-
 * second pace would then hold back the notices these tests wait for.
 */
async function activeReseller(h: Harness, id: number, username?: string): Promise<FakeUser> {
  const user = h.telegram.user({ id, first_name: `Reseller${id}`, username, language_code: "en" });
  await h.app.store.users.createIfAbsent({
    id,
    firstName: `Reseller${id}`,
    username,
    telegramLanguage: "en",
    status: "active",
    tier: "member",
    createdAt: Date.now(),
  });
  return user;
}

/** A real order through the domain (the purchase flow has its own tests): gametopup sku 1. */
async function placeOrder(h: Harness, userId: number): Promise<OrderRecord> {
  const s = h.app.services;
  const product = await s.catalog.product("gametopup", "1");
  const user = await s.resellers.get(userId);
  if (!product || !user) throw new Error("no product or user");
  const draft = await s.drafts.create(userId, product, await s.catalog.price(product, user.tier), { playerId: "12345678", zone: "1234" });
  const out = await s.orders.place(draft.id, userId);
  if (!("order" in out)) throw new Error(`order not placed: ${out.kind}`);
  return out.order;
}

async function ledgerSum(h: Harness, userId: number, currency: string) {
  const entries = await h.app.store.ledger.entries(userId, { limit: 1000 });
  return entries.filter((e) => e.currency === currency).reduce((sum, e) => sum + e.amount, 0);
}

/** Telegram delivering the same message again (a lost confirmation): same message, new update. */
function redeliver(h: Harness, message: Message) {
  // A private chat, so the NonChannel refinement of Update.message holds.
  h.telegram.pushUpdate({ message: message as Update["message"] });
}

const GENERIC_ERROR = /something went wrong/;
const UNKNOWN_COMMAND = /I don't know that command/;

describe.skipIf(!redisAvailable || !postgresAvailable)("admin console through the fake Bot API and real Redis", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  it("shows the admin commands in the admin's menu only, and lists them on /admin", async () => {
    const reseller = await activeReseller(h, 4010);
    expect(h.admin.commands().map((c) => c.command)).toEqual(expect.arrayContaining([...ADMIN_COMMANDS]));
    const theirs = reseller.commands().map((c) => c.command);
    expect(theirs).toContain("products");
    for (const c of ADMIN_COMMANDS) expect(theirs).not.toContain(c);
    const help = await ask(h.admin, "/admin", /Admin commands/);
    for (const c of ADMIN_COMMANDS.filter((x) => x !== "admin")) expect(help.text).toContain(`/${c}`);
  });

  it("refuses every admin command to a non-admin with the unknown-command reply, and changes nothing", async () => {
    const s = h.app.services;
    const intruder = await activeReseller(h, 4002, "intruder");
    await h.credit(4002, 100_000, "IDR");
    const order = await placeOrder(h, 4002);
    const applicant = h.telegram.user({ id: 4003, first_name: "Waiting" });
    await ask(applicant, "/start", /waiting for approval/);

    const snapshot = async () => ({
      balances: await h.app.store.ledger.balances(4002),
      applicant: (await h.app.store.users.get(4003))?.status,
      intruder: await h.app.store.users.get(4002),
      pricing: await s.priceBook.pricing(),
      maintenance: await s.maintenance.isOn(),
      audit: await h.app.store.audit.recent(1000),
      refunded: (await h.app.store.orders.get(order.id))?.refundedAt,
    });
    const before = await snapshot();

    const attempts: Record<(typeof ADMIN_COMMANDS)[number], string> = {
      admin: "/admin",
      role: "/role 4002 admin",
      approve: "/approve 4003",
      ban: "/ban 4003",
      unban: "/unban 4003",
      user: "/user 4003",
      credit: "/credit 4002 50000 IDR",
      debit: "/debit @intruder 5000 IDR",
      tier: "/tier 4002 vip",
      markup: "/markup member 0",
      price: "/price 1 1",
      order: `/order ${order.id}`,
      refund: `/refund ${order.id}`,
      link: `/link ${order.id} INV-NOT-OURS`,
      broadcast: "/broadcast free money",
      stats: "/stats",
      report: "/report",
      providers: "/providers",
      sync: "/sync",
      maintenance: "/maintenance on",
      audit: "/audit 5",
      payee: "/payee add IDR BCA 123 a.n. Intruder",
      promo: "/promo add FREE 100%",
      tiers: "/tiers auto reseller=1 IDR",
    };
    for (const text of Object.values(attempts)) {
      const reply = await ask(intruder, text);
      expect(reply.text, text).toMatch(UNKNOWN_COMMAND);
    }
    // A forged press of the Approve button sent to admins: the gate checks buttons as well.
    h.telegram.pushUpdate({
      callback_query: {
        id: "forged",
        from: intruder.info,
        chat_instance: "forged",
        data: "appr:4003",
        message: { message_id: 1, date: 0, chat: intruder.chat } as Message,
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await snapshot()).toEqual(before);
    expect(applicant.messages().some((m) => m.text.includes("free money"))).toBe(false);
  });

  it("runs the approval round trip from the admin's button", async () => {
    const nina = h.telegram.user({ id: 4100, first_name: "Nina", language_code: "en" });
    await ask(nina, "/start", /waiting for approval/);
    const alert = await h.admin.waitFor((m) => m.find((x) => x.text.includes("4100") && h.admin.buttons(x).length > 0));
    expect(h.admin.buttons(alert).map((b) => b.data)).toEqual(["appr:4100", "rej:4100"]);

    const after = h.admin.messages().length;
    await h.admin.press({ data: "appr:4100" });
    await next(h.admin, after, /Nina .*approved/);
    await received(nina, /Your reseller account is approved/);
    expect((await h.app.store.users.get(4100))?.status).toBe("active");
    // The buttons are spent, and the card says who decided (in the group, everyone sees it).
    await h.admin.waitFor((m) => h.admin.buttons(m.find((x) => x.message_id === alert.message_id)!).length === 0);
    const card = h.admin.messages().find((x) => x.message_id === alert.message_id)!;
    expect(plain(card.text)).toMatch(/Nina .*\n\n☑️ Now active: decided by Admin \(@boss\)/s);

    // Reject, then the outcome is final for the buttons but /approve can still let them in.
    const omar = h.telegram.user({ id: 4101, first_name: "Omar", language_code: "en" });
    await ask(omar, "/start", /waiting for approval/);
    await h.admin.waitFor((m) => m.some((x) => h.admin.buttons(x).some((b) => b.data === "rej:4101")));
    const before = h.admin.messages().length;
    await h.admin.press({ data: "rej:4101" });
    await next(h.admin, before, /Omar .*rejected/);
    await received(omar, /not approved/);
    expect((await h.app.store.users.get(4101))?.status).toBe("rejected");
    await ask(h.admin, "/approve 4101", /Omar .*approved/);
    await received(omar, /Your reseller account is approved/);
  });

  it("decides a registration once when Approve is pressed twice at the same moment", async () => {
    const pim = h.telegram.user({ id: 4102, first_name: "Pim", language_code: "en" });
    await ask(pim, "/start", /waiting for approval/);
    const alert = await h.admin.waitFor((m) => m.find((x) => h.admin.buttons(x).some((b) => b.data === "appr:4102")));
    const after = h.admin.messages().length;
    await Promise.all([h.admin.press({ data: "appr:4102" }), h.admin.press({ data: "appr:4102" })]);
    await next(h.admin, after, /Pim .*approved/);
    await next(h.admin, after, /Nothing changed: Pim/);
    await received(pim, /Your reseller account is approved/);
    await new Promise((r) => setTimeout(r, 300));
    expect(pim.messages().filter((m) => /Your reseller account is approved/.test(m.text))).toHaveLength(1);
    expect(
      h.admin
        .messages()
        .slice(after)
        .filter((m) => /Pim .*approved/.test(m.text)),
    ).toHaveLength(1);
    const card = h.admin.messages().find((x) => x.message_id === alert.message_id)!;
    expect(plain(card.text)).toMatch(/decided by Admin \(@boss\)/);
    const approvals = (await h.app.store.audit.recent(50)).filter((e) => e.action === "approve" && e.target === "4102");
    expect(approvals).toHaveLength(1);
  });

  it("bans, unbans and shows a user; refuses what makes no sense", async () => {
    const pia = await activeReseller(h, 4110, "pia_shop");
    await ask(h.admin, "/ban @pia_shop", /suspended and has been told/);
    await received(pia, /Your account has been suspended/);
    expect((await h.app.store.users.get(4110))?.status).toBe("banned");
    await ask(h.admin, "/ban 4110", /Nothing changed: .* is suspended/);
    await ask(h.admin, "/approve 4110", /Nothing changed/);
    await ask(h.admin, "/unban 4110", /active again/);
    await received(pia, /Your account is active again/);
    await ask(h.admin, "/unban 4110", /Nothing changed: .* is active/);
    await ask(h.admin, "/ban 1", /Admins can't be suspended/);
    await ask(h.admin, "/ban @nobody_here", /I don't know a user “@nobody_here”/);
    await ask(h.admin, "/approve 999999", /I don't know a user/);

    await h.credit(4110, 12_345, "IDR");
    const card = await ask(h.admin, "/user @pia_shop", /Reseller4110/);
    expect(card.text).toMatch(/@pia_shop · id 4110/);
    expect(card.text).toMatch(/Status: active · Tier: member/);
    expect(card.text).toContain("IDR 12,345");
    expect(card.text).toMatch(/No orders yet/);
  });

  it("credits and debits with the admin as actor, keeps the ledger summing to the balance, refuses an overdraft", async () => {
    const rina = await activeReseller(h, 4200, "rina");
    const credited = await ask(h.admin, "/credit @rina 50.000 IDR first top-up", /Credited/);
    expect(credited.text).toContain("IDR 50,000");
    const notice = await received(rina, /credited/);
    expect(notice.text).toBe("💰 Your wallet was credited IDR 50,000. New balance: IDR 50,000. Note: first top-up");

    await ask(h.admin, "/debit 4200 20000 IDR correction", /Debited IDR 20,000 .* Balance: IDR 30,000/);
    await received(rina, /debited IDR 20,000/);
    await ask(h.admin, "/debit 4200 30001 IDR", /Refused: .* has IDR 30,000, less than IDR 30,001/);

    expect(await h.balance(4200, "IDR")).toBe(30_000);
    expect(await ledgerSum(h, 4200, "IDR")).toBe(30_000);
    const entries = await h.app.store.ledger.entries(4200, { limit: 10 });
    expect(entries.map((e) => [e.type, e.amount, e.actor, e.note])).toEqual([
      ["adjustment", -20_000, "admin:1", "correction"],
      ["credit", 50_000, "admin:1", "first top-up"],
    ]);

    // Telegram redelivers the same update: still one entry.
    const after = h.admin.messages().length;
    const msg = await h.admin.send("/credit 4200 1000 IDR");
    await next(h.admin, after, /Credited IDR 1,000/);
    redeliver(h, msg);
    await next(h.admin, after + 1, /already applied/);
    expect(await h.balance(4200, "IDR")).toBe(31_000);
    expect(await ledgerSum(h, 4200, "IDR")).toBe(31_000);

    const audit = await h.app.store.audit.recent(10);
    const credit = audit.find((e) => e.action === "credit" && e.note === "first top-up");
    expect(credit).toMatchObject({
      actor: 1,
      target: "4200",
      before: { balance: 0, currency: "IDR" },
      after: { balance: 50_000, currency: "IDR" },
    });
  });

  it("answers garbage arguments with a localised message and never crashes", async () => {
    const cases: [string, RegExp][] = [
      ["/credit", /Usage: \/credit/],
      ["/credit 4200", /Usage: \/credit/],
      ["/credit 4200 -5 IDR", /not a valid amount of IDR/],
      ["/credit 4200 5 XYZ", /don't know the currency “XYZ”/],
      ["/credit 4200 1e9 IDR", /not a valid amount/],
      ["/credit 4200 99999999999999 IDR", /more than one admin step/],
      ["/debit 4200 0 IDR", /not a valid amount/],
      ["/credit @ghost_user 5 IDR", /I don't know a user/],
      ["/credit 🙂 5 IDR", /Usage: \/credit/],
      ["/approve", /Usage: \/approve/],
      ["/approve 1 2", /Usage: \/approve/],
      ["/ban <script>", /Usage: \/ban/],
      ["/user @", /Usage: \/user/],
      ["/tier 4200", /Usage: \/tier/],
      ["/tier 4200 gold", /no tier “gold”/],
      ["/markup", /Usage: \/markup/],
      ["/markup vip lots", /not a valid markup/],
      ["/markup vip 5000", /not a valid markup/],
      ["/price", /Usage: \/price/],
      ["/price ?? 5", /Usage: \/price/],
      ["/price NOPE 5", /No product “NOPE”/],
      ["/price 1 12.5.0", /not a valid amount/],
      ["/order", /Usage: \/order/],
      ["/order ../../x", /Usage: \/order/],
      ["/order RAAAAAAAAAA", /No order “RAAAAAAAAAA”/],
      ["/refund", /Usage: \/refund/],
      ["/refund 🙂", /Usage: \/refund/],
      ["/stats now", /takes no arguments/],
      ["/providers x", /takes no arguments/],
      ["/sync please", /takes no arguments/],
      ["/admin me", /takes no arguments/],
      ["/maintenance maybe", /Usage: \/maintenance/],
      ["/audit 999", /1 to 50/],
      ["/audit x", /Usage: \/audit/],
    ];
    for (const [text, match] of cases) {
      const reply = await ask(h.admin, text);
      expect(reply.text, text).toMatch(match);
      expect(reply.text, text).not.toMatch(GENERIC_ERROR);
    }
    expect(await h.balance(4200, "IDR")).toBe(31_000);
  });

  it("answers in the admin's language", async () => {
    const switchTo = async (data: string, done: RegExp) => {
      await ask(h.admin, "/language", /./);
      await h.admin.press({ data });
      await received(h.admin, done);
    };
    await switchTo("lang:id", /Bahasa diatur/);
    await ask(h.admin, "/credit", /Cara pakai: \/credit/);
    await ask(h.admin, "/markup vip lots", /bukan markup yang valid/);
    await switchTo("lang:my", /မြန်မာဘာသာသို့ ပြောင်း/);
    await ask(h.admin, "/audit 0", /1 မှ 50 ခုအထိသာ တောင်းပါ/);
    await switchTo("lang:en", /Language set to English/);
    await ask(h.admin, "/credit", /Usage: \/credit/);
  });

  it("shows an order with cost and margin, and refunds it once", async () => {
    await activeReseller(h, 4400);
    await h.credit(4400, 100_000, "IDR");
    const order = await placeOrder(h, 4400);
    expect(await h.balance(4400, "IDR")).toBe(100_000 - order.price.amount);

    const card = await ask(h.admin, `/order ${order.id}`, /Cost:/);
    expect(card.text).toContain(order.id);
    expect(card.text).toContain(`Cost: IDR 19,800 · Margin: IDR ${(order.price.amount - 19_800).toLocaleString("en-US")}`);
    expect(card.text).toMatch(/Reseller: Reseller4400 \(4400\)/);
    expect(card.text).toMatch(/Live at the provider: (pending|processing)/);
    expect(card.text).toMatch(/History/);

    // Still open at the provider: a warning and a second confirmation first; Keep changes nothing.
    const first = h.admin.messages().length;
    const warning = await ask(h.admin, `/refund ${order.id}`, /may yet deliver it/);
    expect(warning.text).toContain(order.id);
    await h.admin.press(/Keep the order/);
    await next(h.admin, first, /kept: nothing was refunded/);
    expect(await h.balance(4400, "IDR")).toBe(100_000 - order.price.amount);
    const again = h.admin.messages().length;
    await h.admin.send(`/refund ${order.id}`);
    await next(h.admin, again, /may yet deliver it/);
    await h.admin.press(/Refund anyway/);
    await next(h.admin, again, /refunded: IDR .* back to Reseller4400/);
    await ask(h.admin, `/refund ${order.id}`, /Refused: order .* was already refunded/);
    expect(await h.balance(4400, "IDR")).toBe(100_000);
    expect(await ledgerSum(h, 4400, "IDR")).toBe(100_000);
    const entries = await h.app.store.ledger.entries(4400, { limit: 10 });
    expect(entries.filter((e) => e.type === "refund")).toHaveLength(1);
    expect((await h.app.store.orders.get(order.id))?.state).toBe("refunded");
    const refunds = (await h.app.store.audit.recent(50)).filter((e) => e.action === "refund" && e.target === order.id);
    expect(refunds).toHaveLength(1);
  });

  it("links an order whose provider answer was lost to the provider's id, and applies the webhook kept for it", async () => {
    const s = h.app.services;
    const u = await activeReseller(h, 4450);
    await h.credit(4450, 50_000, "MMK");
    const product = (await s.catalog.product("xinstitute", "SPOTIFY_1M"))!;
    const draft = await s.drafts.create(4450, product, await s.catalog.price(product, "member"), { email: "c@example.com", quantity: 1 });
    // xinstitute takes the order, and its answer never makes sense to us: unknown, with no provider id.
    h.xinstitute.control.failNext("order", { afterProcessing: "garbage" });
    expect((await s.orders.place(draft.id, 4450)).kind).toBe("unknown");
    const providerOrderId = h.xinstitute.control.orders().at(-1)!.order_id;
    expect((await h.app.store.orders.get(draft.id))?.providerOrderId).toBeUndefined();
    // Its shipped webhook matches nothing: kept, and the admins are told how to link it.
    const seen = h.admin.messages().length;
    await h.xinstitute.control.ship(providerOrderId, { trackingInfo: "ACC-123", shippingStatus: "delivered" });
    const alert = await next(h.admin, seen, /order we don't know/);
    expect(alert.text).toContain(`/link <order id> ${providerOrderId}`);

    await ask(
      h.admin,
      `/link ${draft.id} ${providerOrderId}`,
      /is linked to xinstitute order .*1 kept webhook event\(s\) applied; now shipped/,
    );
    expect(await h.app.store.orders.get(draft.id)).toMatchObject({ state: "shipped", providerOrderId });
    await received(u, /ACC-123/);
    await ask(h.admin, `/link ${draft.id} ${providerOrderId}`, /already linked/);
    await ask(h.admin, `/link ${draft.id} OTHER-1`, /Refused: order .* already has xinstitute order/);
    await ask(h.admin, "/link", /Usage: \/link/);
    expect(await h.balance(4450, "MMK")).toBe(50_000 - draft.price.amount);
  });

  it("sets tiers, markups and fixed prices; a sync pauses a product whose cost rose above its fixed price", async () => {
    const s = h.app.services;
    await activeReseller(h, 4300);
    const priceOf = async (tier: "member" | "vip") =>
      (await s.catalog.priced(tier)).find((p) => p.provider === "gametopup" && p.sku === "1")!;

    await ask(h.admin, "/tier 4300 VIP", /now on tier vip \(was member\)/);
    await ask(h.admin, "/tier 4300 vip", /already on tier vip/);
    expect((await h.app.store.users.get(4300))?.tier).toBe("vip");
    await ask(h.admin, "/markup vip 0", /Markup for tier vip is now 0 % \(was 2 %\)/);
    expect((await priceOf("vip")).price).toEqual({ amount: 19_800, currency: "IDR" });

    await ask(h.admin, "/price 1 100", /Refused: IDR 100 is below the current cost/);
    await ask(h.admin, "/price gametopup:1 25.000", /now sells at IDR 25,000/);
    expect((await priceOf("member")).price.amount).toBe(25_000);
    expect((await priceOf("vip")).price.amount).toBe(25_000);

    // The provider's cost rises above the fixed price: the sync pauses the product and tells the admin.
    h.gametopup.control.setPrice("1", 30_000);
    const alertsBefore = h.admin.messages().length;
    const sync = await ask(h.admin, "/sync", /Catalogues refreshed/);
    expect(sync.text).toMatch(/gametopup: \d+ products/);
    expect(sync.text).toContain("Paused: gametopup:1");
    await next(h.admin, alertsBefore, /is paused: the provider's cost IDR 30,000 is above its fixed price IDR 25,000/);
    expect((await priceOf("member")).paused).toBe(true);

    // The cost falls back: the next sync puts it on sale again.
    h.gametopup.control.setPrice("1", 19_800);
    const resumedAfter = h.admin.messages().length;
    await ask(h.admin, "/sync", /Catalogues refreshed/);
    await next(h.admin, resumedAfter, /on sale again/);
    expect((await priceOf("member")).paused).toBe(false);

    await ask(h.admin, "/price 1 auto", /cost plus the tier's markup again/);
    expect((await priceOf("member")).price.amount).toBe(21_780); // 19,800 + 10 %
    expect((await priceOf("vip")).price.amount).toBe(19_800);
    const actions = (await h.app.store.audit.recent(20)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["tier", "markup", "price", "sync"]));
  });

  it("reports stats, providers, maintenance and the audit log", async () => {
    const s = h.app.services;
    const stats = await ask(h.admin, "/stats", /Stats/);
    expect(stats.text).toMatch(/Resellers: \d+ active, \d+ waiting, \d+ suspended, \d+ rejected/);
    expect(stats.text).toMatch(/Today \(UTC\)\ngametopup · orders: 1 · revenue: IDR 21,780 · margin: IDR 1,980/);
    expect(stats.text).toMatch(/Open orders: \d+ pending, \d+ with an unknown outcome/);

    const providers = await ask(h.admin, "/providers", /Providers/);
    expect(providers.text).toMatch(/gametopup: last call ok/);
    expect(providers.text).toMatch(/Our balance: MMK [\d,.]+/);
    // Health is read after the balance check it just made, not from before it.
    expect(providers.text).toMatch(/xinstitute: last call ok \(account,/);

    await ask(h.admin, "/maintenance on back at ten", /The whole bot is in maintenance now/);
    expect(await s.maintenance.isOn()).toBe(true);
    await activeReseller(h, 4500);
    await h.credit(4500, 100_000, "IDR");
    const product = (await s.catalog.product("gametopup", "1"))!;
    const draft = await s.drafts.create(4500, product, await s.catalog.price(product, "member"), { playerId: "12345678" });
    expect(await s.orders.place(draft.id, 4500)).toEqual({
      kind: "blocked",
      reason: "maintenance",
      maintenance: { scope: "bot", target: "", note: "back at ten", auto: false },
    });
    await ask(h.admin, "/maintenance", /In maintenance\n🛠 The whole bot · since .+ · set by 1\n +back at ten/);
    await ask(h.admin, "/maintenance off", /The whole bot is out of maintenance/);
    expect(await s.maintenance.isOn()).toBe(false);

    const audit = await ask(h.admin, "/audit 3", /Last 3 admin actions/);
    expect(audit.text).toMatch(/admin 1 · maintenance/);
    expect(audit.text).toMatch(/admin 1 · maintenance · bot\n\{"on":true,[^}]*"note":"back at ten"[^}]*\} → \{"on":false\}/);
    expect(audit.text).toContain('{"on":false} → {"on":true,"note":"back at ten"}');
  });

  it("broadcasts once per admin message, as a reply too, and shows progress", async () => {
    const target = await activeReseller(h, 4600);
    const after = h.admin.messages().length;
    const msg = await h.admin.send("/broadcast Hello <all> & welcome");
    await next(h.admin, after, /Broadcast \w+ queued for \d+ recipients/);
    await received(target, "📢 Hello <all> & welcome");
    // Telegram redelivers the update: nobody is messaged twice.
    redeliver(h, msg);
    await next(h.admin, after + 1, /already queued/);
    await received(h.admin, /Broadcast finished/);
    await ask(h.admin, "/broadcast", /delivered, 0 blocked the bot, 0 failed, 0 waiting/);
    await new Promise((r) => setTimeout(r, 300));
    expect(target.messages().filter((m) => m.text.includes("Hello <all>"))).toHaveLength(1);

    // Replying /broadcast to a message sends that message's text.
    const count = h.admin.messages().length;
    const own = await h.admin.send("Weekend promo: 5 % off");
    await next(h.admin, count, /Send \/help/);
    const before = h.admin.messages().length;
    await h.admin.send("/broadcast", { replyTo: own.message_id });
    await next(h.admin, before, /queued for/);
    await received(target, "📢 Weekend promo: 5 % off");
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)("admin broadcast at Telegram's pace (fake Bot API rate limits on)", () => {
  let h: Harness;
  beforeAll(async () => {
    // rateLimits: {} turns on the fake's default Telegram limits (the harness default is off).
    // Open registration: 150 approval alerts would otherwise queue in the admin's chat at 1/s.
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      telegram: { rateLimits: {} },
      env: { REGISTRATION: "open" },
    });
  });
  afterAll(() => h?.close());

  it("delivers a broadcast to 150 resellers without losing any to 429s, and reports the count", async () => {
    const resellers = await Promise.all(Array.from({ length: 150 }, (_, i) => h.reseller(5000 + i)));
    const queued = await ask(h.admin, "/broadcast Big sale today", /queued for (\d+) recipients/);
    // Every active reseller; the admin who wrote it is not sent a copy.
    expect(queued.text).toMatch(/queued for 150 recipients/);
    const done = await received(h.admin, /Broadcast finished/, 20_000);
    expect(done.text).toBe("📢 Broadcast finished: 150 delivered, 0 blocked the bot, 0 failed (of 150).");
    for (const r of resellers) expect(r.messages().filter((m) => m.text === "📢 Big sale today")).toHaveLength(1);
    const sent = h.telegram.calls("sendMessage").filter((c) => c.response?.ok && String(c.payload.text).includes("Big sale today"));
    expect(sent).toHaveLength(150);
    // Paced under Telegram's limits: the fake never had to refuse a message.
    expect(h.telegram.stats.tooManyRequests.total).toBe(0);
  }, 30_000);
});
