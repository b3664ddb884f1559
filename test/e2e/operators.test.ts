import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { barSlot, CHART_HEIGHT, CHART_WIDTH, COLORS } from "../../src/lib/chart/sales-chart.js";
import { formatMoney } from "../../src/lib/money.js";
import { addDays, localDate, startOfLocalDay } from "../../src/lib/time-zone.js";
import type { OrderRecord } from "../../src/store/types.js";
import type { BotMessage, FakeUser } from "../fakes/telegram/index.js";
import { pendingOrder } from "../support/fixtures.js";
import { ADMIN_ID, startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Intl puts a no-break space between a currency code and the amount; tests write a plain one. */
const plain = (text: string) => text.replace(/\u00a0/g, " ");
const en = (amount: number, currency: string) => plain(formatMoney(amount, currency, "en"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HOUR = 3600_000;
const ZONE = "Asia/Jakarta";

const matching = (user: FakeUser, re: RegExp) => user.messages().filter((m) => re.test(plain(m.text)));
async function waitForCount(user: FakeUser, re: RegExp, n: number, timeoutMs = 8000): Promise<BotMessage[]> {
  await user.waitFor(() => matching(user, re).length >= n || undefined, timeoutMs, `${n} messages matching ${String(re)}`);
  return matching(user, re).map((m) => ({ ...m, text: plain(m.text) }));
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

describe.skipIf(!redisAvailable || !postgresAvailable)("operators: daily report, /report and the /stats chart", () => {
  let h: Harness;
  let other: App;
  // The bot's clock for the report and the chart (real time everywhere else): midnight in
  // Jakarta while the records are made, so the report is not due yet.
  let clock = startOfLocalDay(localDate(Date.now(), ZONE), ZONE);
  let sold: OrderRecord;
  let today: string;
  let at0759: number;
  const REPORT = /Daily report for/;

  beforeAll(async () => {
    const ops = { now: () => clock, timings: { reportEveryMs: 100 } };
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { REPORT_HOUR: "8", REPORT_TIMEZONE: ZONE },
      timings: { ops },
    });
    other = await h.another({ ops });
    const s = h.app.services;
    await h.reseller(5001);
    await h.credit(5001, 200_000, "IDR");
    sold = await placeOrder(h, 5001);
    const refunded = await placeOrder(h, 5001);
    expect(await s.orders.adminRefund(refunded.id, ADMIN_ID)).toBe("refunded");
    // An order whose outcome is unknown, from long ago: open now, not part of yesterday's sales.
    await h.app.store.orders.create({ ...pendingOrder("O-UNKNOWN", 5001, Date.now() - 10 * 24 * HOUR), state: "unknown" });
    const now = Date.now();
    await h.app.store.deposits.create({
      id: "DEP-1",
      userId: 5001,
      amount: { amount: 50_000, currency: "IDR" },
      state: "open",
      createdAt: now,
      updatedAt: now,
    });
    await h.app.store.deposits.settle("DEP-1", "paid");
    // Tomorrow (in Jakarta) at 07:59: "yesterday" is the day these records were made.
    today = localDate(sold.createdAt, ZONE);
    at0759 = startOfLocalDay(addDays(today, 1), ZONE) + 7 * HOUR + 59 * 60_000;
    clock = at0759;
  });
  afterAll(() => h?.close());

  it("/report answers at once with yesterday's sales, refunds, deposits, unknown orders and every provider", async () => {
    await h.admin.send("/report");
    const [report] = await waitForCount(h.admin, REPORT, 1);
    const text = report!.text;
    expect(text).toContain(`Daily report for ${today} (${ZONE})`);
    expect(text).toContain(
      `gametopup: 1 orders · revenue ${en(sold.price.amount, "IDR")} · margin ${en(sold.price.amount - sold.cost.amount, "IDR")}`,
    );
    expect(text).toContain(`Refunds: 1, total ${en(sold.price.amount, "IDR")}`);
    // Each source of money in apart (SPEC §6); none of them is counted as a sale.
    expect(text).toContain(`Deposits credited: xpay 1, total ${en(50_000, "IDR")} · transfers none · admin credits none`);
    expect(text).toContain("Orders with an unknown outcome, still open: 1");
    expect(text).toContain(`xinstitute: ok (last call account`);
    expect(text).toContain(`balance ${en(h.xinstitute.control.balance(), "MMK")}`);
    expect(text).toMatch(/vifox: ok \(last call remaining-liquidity-pool[^)]*\) · liquidity pool 100,000 points/);
    expect(text).toMatch(/gametopup: ok/);
    expect(text).toMatch(/xen: ok/);
    // It is a reply to the command, not the daily one: nothing was claimed.
    expect(await other.ops.reports.sendIfDue()).toBe("not_due");
  });

  it("fires once per day at the configured hour in the operator's zone, across two bot processes", async () => {
    const before = matching(h.admin, REPORT).length;
    await sleep(600); // six ticks of the running process at 07:59
    expect(matching(h.admin, REPORT)).toHaveLength(before);

    clock = at0759 + 60_000; // 08:00
    // The second process asks too, several times at once, racing the first one's timer.
    const answers = await Promise.all([other.ops.reports.sendIfDue(), other.ops.reports.sendIfDue(), other.ops.reports.sendIfDue()]);
    expect(answers.filter((a) => a === "sent").length).toBeLessThanOrEqual(1);
    expect(answers.every((a) => a === "sent" || a === "claimed")).toBe(true);
    const reports = await waitForCount(h.admin, REPORT, before + 1);
    expect(reports.at(-1)!.text).toContain(`Daily report for ${today}`);
    await sleep(1500);
    expect(matching(h.admin, REPORT)).toHaveLength(before + 1);
    expect(await other.ops.reports.sendIfDue()).toBe("claimed");

    // The next day: nothing at 07:59, one report at 08:00, about a day without sales.
    clock = at0759 + 24 * HOUR;
    await sleep(500);
    expect(matching(h.admin, REPORT)).toHaveLength(before + 1);
    clock = at0759 + 24 * HOUR + 60_000;
    const next = await waitForCount(h.admin, REPORT, before + 2);
    expect(next.at(-1)!.text).toContain(`Daily report for ${addDays(today, 1)}`);
    expect(next.at(-1)!.text).toContain("No sales.");
    await Promise.all([other.ops.reports.sendIfDue(), sleep(1500)]);
    expect(matching(h.admin, REPORT)).toHaveLength(before + 2);
    clock = at0759;
  });

  it("/stats also sends a PNG chart of revenue and orders per day for the last 30 days", async () => {
    await h.admin.send("/stats");
    await h.admin.waitFor(() => h.admin.messages().find((m) => m.photo), 8000, "a photo");
    const chart = h.admin.messages().find((m) => m.photo)!;
    // The chart's days end on the bot's today (tomorrow here): the sale's day is the 29th of 30.
    const last = addDays(today, 1);
    const [caption, profitLine] = plain(chart.text).split("\n");
    expect(caption).toBe(
      `📈 IDR: revenue per day (top, in whole IDR) and orders per day (bottom), ${addDays(last, -29)} to ${last} (${ZONE})`,
    );
    // The same 30-day profit as /stats (SPEC §7: less referral commissions), under the caption.
    expect(profitLine).toMatch(/^Profit in 30 days \(sales − provider cost − referral commissions\): IDR/);
    const png = PNG.sync.read(chart.photo!.bytes!);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(chart.raw.photo?.[0]).toMatchObject({ width: CHART_WIDTH, height: CHART_HEIGHT });
    const pixel = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    const centre = (i: number) => barSlot(i, 30).x + 2;
    // Just above the revenue axis and the orders axis: a bar on the sale's day, none on the others.
    for (const [y, color] of [
      [270, COLORS.revenue],
      [474, COLORS.orders],
    ] as const) {
      expect(pixel(centre(28), y)).toEqual([...color]);
      expect(pixel(centre(27), y)).toEqual([...COLORS.background]);
      expect(pixel(centre(29), y)).toEqual([...COLORS.background]);
    }
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)("operators: provider balance alerts", () => {
  let h: Harness;
  const XLOW = /Our balance at xinstitute is down to/;
  const XOK = /Our balance at xinstitute is back to/;
  const PLOW = /The vifox liquidity pool is down to/;
  const POK = /The vifox liquidity pool is back to/;

  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { XINSTITUTE_BALANCE_ALERT: "500000", VIFOX_POOL_ALERT: "1000" },
      // Not much quicker: each check is a call to xinstitute (10 per 10 s) and vifox, and the
      // clients' own rate limiters would hold the checks back.
      timings: { ops: { timings: { balanceEveryMs: 1200 } } },
    });
  });
  afterAll(() => h?.close());

  it("tells the admins once when our xinstitute balance drops below the threshold, not again after a restart, and once when it recovers", async () => {
    await sleep(1500);
    expect(matching(h.admin, XLOW)).toHaveLength(0);
    h.xinstitute.control.setBalance(400_000);
    const [low] = await waitForCount(h.admin, XLOW, 1);
    expect(low!.text).toBe(
      `⚠️ Our balance at xinstitute is down to ${en(400_000, "MMK")}, below the alert level of ${en(500_000, "MMK")}. Orders to it fail once it runs out: top it up.`,
    );
    await sleep(2500);
    expect(matching(h.admin, XLOW)).toHaveLength(1);

    await h.restart();
    await sleep(2500);
    expect(matching(h.admin, XLOW)).toHaveLength(1);

    h.xinstitute.control.setBalance(900_000);
    const [ok] = await waitForCount(h.admin, XOK, 1);
    expect(ok!.text).toContain(`back to ${en(900_000, "MMK")}`);
    await sleep(2500);
    expect(matching(h.admin, XOK)).toHaveLength(1);
    expect(matching(h.admin, XLOW)).toHaveLength(1);
  });

  it("does the same for the vifox liquidity pool, once even when two processes check at the same moment", async () => {
    const other = await h.another();
    h.vifox.control.setPool(500);
    const answers = await Promise.all([other.ops.balances.check(), other.ops.balances.check(), h.app.ops.balances.check()]);
    expect(answers.filter((a) => a["vifox-pool"] === "low").length).toBeLessThanOrEqual(1);
    const [low] = await waitForCount(h.admin, PLOW, 1);
    expect(low!.text).toContain("down to 500 points, below the alert level of 1,000");
    await sleep(800);
    expect(matching(h.admin, PLOW)).toHaveLength(1);

    h.vifox.control.setPool(5000);
    await Promise.all([other.ops.balances.check(), h.app.ops.balances.check()]);
    const [ok] = await waitForCount(h.admin, POK, 1);
    expect(ok!.text).toContain("back to 5,000 points");
    await sleep(800);
    expect(matching(h.admin, POK)).toHaveLength(1);
  });
});
