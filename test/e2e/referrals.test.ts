import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referralCode } from "../../src/domain/referral-math.js";
import type { OrderRecord } from "../../src/store/types.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Plain spaces for Intl's no-break ones, and amounts without grouping ("21,780" as 21780), to compare with numbers. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/(\d)[.,](?=\d{3}\b)/g, "$1");

async function ask(user: FakeUser, text: string, match: RegExp = /./, timeoutMs = 5000) {
  const after = user.messages().length;
  await user.send(text);
  const m = await user.waitFor(
    (all) => all.slice(after).find((x) => match.test(plain(x.text))),
    timeoutMs,
    `a reply to ${text} matching ${String(match)}`,
  );
  return plain(m.text);
}

const received = (user: FakeUser, match: RegExp, timeoutMs = 5000) =>
  user.waitFor((all) => all.find((x) => match.test(plain(x.text))), timeoutMs, `a message matching ${String(match)}`);

/** SPEC §7 through the whole bot and the fake Bot API: links, binding, commission, tiers. */
describe.skipIf(!redisAvailable || !postgresAvailable)("referrals and volume tiers in chat", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  const growth = () => h.app.store.growth;

  /** A real order of `userId` through the domain, completed by the provider's status answer. */
  async function completedOrder(userId: number): Promise<OrderRecord> {
    const s = h.app.services;
    const product = (await s.catalog.product("gametopup", "1"))!;
    const user = (await s.resellers.get(userId))!;
    const draft = await s.drafts.create(userId, product, await s.catalog.price(product, user.tier), { playerId: "12345678", zone: "2001" });
    await s.orders.place(draft.id, userId);
    const placed = (await h.app.store.orders.get(draft.id))!;
    await s.orders.applyStatus(placed, { state: "completed", providerOrderId: placed.providerOrderId! });
    return (await h.app.store.orders.get(draft.id))!;
  }

  it("binds a new user once from /start r_<code>; not to themselves, not by an unknown code, never an existing user", async () => {
    const referrer = await h.reseller(6001);
    const other = await h.reseller(6009);
    const fresh = h.telegram.user({ id: 6002, first_name: "Newcomer", language_code: "en" });
    expect(await ask(fresh, `/start r_${referralCode(referrer.id)}`, /Welcome/)).toMatch(/Welcome, /);
    expect(await growth().referrerOf(6002)).toMatchObject({ referrerId: 6001 });
    // Again, with another code: still the first referrer.
    await ask(fresh, `/start r_${referralCode(other.id)}`, /Welcome back/);
    expect(await growth().referrerOf(6002)).toMatchObject({ referrerId: 6001 });

    const self = h.telegram.user({ id: 6003, first_name: "Selfie", language_code: "en" });
    await ask(self, `/start r_${referralCode(6003)}`, /Welcome, /);
    expect(await growth().referrerOf(6003)).toBeUndefined();

    const stranger = h.telegram.user({ id: 6004, first_name: "Stranger", language_code: "en" });
    expect(await ask(stranger, "/start r_zzzzzz", /Welcome/)).toMatch(/Welcome, .*top-ups/s);
    expect(await growth().referrerOf(6004)).toBeUndefined();

    const existing = await h.reseller(6005);
    await ask(existing, `/start r_${referralCode(referrer.id)}`, /Welcome back/);
    expect(await growth().referrerOf(6005)).toBeUndefined();
    expect(await growth().joined(6001)).toBe(1);
  });

  it("shows a reseller their link, who joined and what they earned; admins set the percent, a reseller cannot", async () => {
    const referrer = h.telegram.user({ id: 6001, first_name: "Reseller6001" });
    const card = await ask(referrer, "/referral", /Invite resellers/);
    expect(card).toContain(`?start=r_${referralCode(6001)}`);
    expect(card).toMatch(/Joined with it: 1/);
    expect(card).toMatch(/Earned in all: nothing yet/);

    // A reseller's /referral percent is their own card, and changes nothing.
    expect(await ask(referrer, "/referral percent 50", /Invite resellers/)).toContain("r_");
    expect((await growth().settings()).referralBasisPoints).toBe(0);

    expect(await ask(h.admin, "/referral percent 10", /Referral commission/)).toMatch(/10 % of the margin.*12 months/);
    expect(await ask(h.admin, "/referral months 6", /Referral commission/)).toMatch(/for 6 months/);
    expect(await ask(h.admin, "/referral percent lots", /Usage/)).toMatch(/referral percent/);
    // The admin's bare /referral is their own card, like any reseller's.
    expect(await ask(h.admin, "/referral", /Invite resellers/)).toContain("start=r_");

    await h.app.services.resellers.setStatus(6002, "active");
    await h.credit(6002, 100_000, "IDR");
    const order = await completedOrder(6002);
    const expected = Math.floor(((order.price.amount - order.cost.amount) * 1000) / 10_000);
    await received(referrer, new RegExp(`referral commission .* on order ${order.id}`));
    const after = await ask(referrer, "/referral", /Invite resellers/);
    expect(after).toMatch(new RegExp(`Earned this month: .*${expected}`));
    expect(await h.balance(6001, "IDR")).toBe(expected);
  });

  it("shows on /user what a refund could not take back from the referrer", async () => {
    await h.credit(6002, 100_000, "IDR");
    const order = await completedOrder(6002);
    const commission = (await h.app.store.ledger.entryByKey(`referral:${order.id}`))!.amount;
    // The referrer spends everything first.
    const balance = await h.balance(6001, "IDR");
    await h.app.store.ledger.apply({
      userId: 6001,
      currency: "IDR",
      amount: -balance,
      type: "adjustment",
      reason: "admin_debit",
      actor: "test",
      key: `spend-all:${order.id}`,
    });
    await ask(h.admin, `/refund ${order.id}`, /refund/i);
    expect(await h.balance(6001, "IDR")).toBe(0);
    const card = await ask(h.admin, "/user 6001", /Wallets/);
    expect(card).toMatch(new RegExp(`not taken back after a refund .*${commission}`));
  });

  it("promotes by 30-day sales after a completed order, tells the reseller, and /balance shows the way to the next tier", async () => {
    const seller = await h.reseller(6020);
    await h.credit(6020, 500_000, "IDR");
    const first = await completedOrder(6020);
    const sold = first.price.amount;
    expect(await ask(h.admin, `/tiers auto reseller=${sold * 2} vip=${sold * 10} IDR`, /Volume tiers/)).toMatch(/IDR: reseller from/);
    expect(await ask(h.admin, "/tiers auto gold=5 IDR", /not a tier/)).toContain("gold");
    const balance = await ask(seller, "/balance", /more in 30 days/);
    expect(balance).toMatch(new RegExp(`${sold}.* more in 30 days for reseller`));

    await completedOrder(6020);
    await received(seller, /moved you up to the reseller tier/);
    expect((await h.app.store.users.get(6020))?.tier).toBe("reseller");
    expect(await ask(seller, "/balance", /more in 30 days/)).toMatch(/for vip/);

    // An admin's /tier stands: a vip is never moved down by sales.
    await ask(h.admin, "/tier 6020 vip", /vip/);
    await completedOrder(6020);
    expect(await h.app.services.growth.promoteAll()).toBe(0);
    expect((await h.app.store.users.get(6020))?.tier).toBe("vip");
  });

  it("refuses /referral percent to a team role below admin, and gives that person their own card for a bare /referral", async () => {
    const helper = await h.reseller(6030);
    await ask(h.admin, "/role 6030 support", /support/);
    expect(await ask(helper, "/referral percent 1", /needs the|Invite/)).toMatch(/needs the admin role/);
    expect(await ask(helper, "/referral months 1", /needs the|Invite/)).toMatch(/needs the admin role/);
    expect(await ask(helper, "/referral", /needs the|Invite/)).toMatch(/Invite resellers/);
    expect(await ask(helper, "/tiers", /needs the|Volume/)).toMatch(/needs the admin role/);
    expect((await growth().settings()).referralMonths).toBe(6);
  });

  it("tells a promoted reseller in their own language, and lists /referral in /help", async () => {
    const seller = await h.reseller(6040, { language_code: "id" });
    await h.credit(6040, 500_000, "IDR");
    await completedOrder(6040);
    await completedOrder(6040);
    await received(seller, /naik ke tingkat reseller/);
    expect(await ask(seller, "/help", /referral/)).toMatch(/\/referral: tautan Anda/);
  });

  it("takes the commissions kept off the profit in /stats and under its chart", async () => {
    const now = Date.now();
    const since = now - 30 * 24 * 3600_000;
    const margin = (await h.app.store.reports.sales(since)).filter((r) => r.currency === "IDR").reduce((a, r) => a + r.margin, 0);
    const commissions = (await growth().commissionTotals(since, now + 1)).IDR ?? 0;
    expect(commissions).toBeGreaterThan(0);
    const expected = plain(String(margin - commissions));
    const after = h.admin.messages().length;
    await h.admin.send("/stats");
    const chart = await h.admin.waitFor((all) => all.slice(after).find((m) => m.photo), 8000, "the chart");
    const stats = h.admin
      .messages()
      .slice(after)
      .map((m) => plain(m.text))
      .join("\n");
    expect(stats).toMatch(new RegExp(`30 days[\\s\\S]*Profit \\(sales − provider cost\\): IDR ${expected}\\b`));
    expect(plain(chart.text)).toMatch(new RegExp(`Profit in 30 days .*: IDR ${expected}$`));
  });

  it("lists the settings on /tiers", async () => {
    const text = await ask(h.admin, "/tiers", /Volume tiers/);
    expect(text).toMatch(/Referral commission: 10 %/);
    expect(text).toMatch(/IDR: reseller from .* · vip from/);
  });
});
