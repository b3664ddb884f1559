import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExpiry } from "../../src/domain/deposits.js";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { PaymentsSource } from "../../src/providers/types.js";
import type { XpayFakeBill } from "../../src/sandbox/index.js";
import { KEY_PREFIX, redisTokenCache } from "../../src/store/redis/index.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

const TOKEN_KEY = `${KEY_PREFIX}xpay:token`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisAvailable || !postgresAvailable)("wallet deposits through xpay (real PostgreSQL and Redis)", () => {
  let h: Harness;
  let redisUrl: string;
  let nextId = 7000;
  beforeAll(async () => {
    redisUrl = await freshRedisDb();
    h = await startHarness({
      redisUrl,
      databaseUrl: await freshDatabase(),
      env: { DEPOSIT_MIN: "10000", DEPOSIT_MAX: "1000000", DEPOSIT_AMOUNTS: "50000,100000,250000" },
      // The periodic check is off here (it would read bills behind the tests' backs); the last
      // block turns it on.
      timings: { deposits: { sweepEveryMs: 600_000 } },
    });
  });
  afterAll(() => h?.close());

  const store = () => h.app.store;
  const deposit = async (id: string) => (await store().deposits.get(id))!;
  const depositCredits = async (userId: number) =>
    (await store().ledger.entries(userId, { limit: 100 })).filter((e) => e.reason === "deposit");
  /** GET /bills/{id} calls xpay has seen for this bill. */
  const billReads = (billId: string) =>
    h.xpay.control.requests("bill").filter((r) => r.method === "GET" && r.path === `/bills/${billId}`).length;
  const postHint = async (body: unknown) => {
    const res = await fetch(`${h.url}/webhooks/xpay`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  };

  async function drained(queue: "deposit-checks" | "notifications", timeoutMs = 8000) {
    const until = Date.now() + timeoutMs;
    while ((await h.app.queues.depth(queue)) > 0) {
      if (Date.now() > until) throw new Error(`${queue} did not drain`);
      await sleep(25);
    }
  }
  async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
    const end = Date.now() + timeoutMs;
    while (!(await cond())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(25);
    }
  }
  const count = (u: FakeUser, pattern: RegExp) => u.messages().filter((m) => pattern.test(m.text)).length;

  /** /deposit → an amount button → the bill card; returns the deposit id and its bill at the fake. */
  async function openDeposit(u: FakeUser, button: RegExp = /50,000/, cardPattern = /through xpay before/) {
    const after = u.messages().length;
    await u.send("/deposit");
    await tap(u, button);
    const card = await u.waitForMessage({ match: cardPattern, after });
    const depositId = /(D[0-9A-Z]{10})/.exec(card.text)![1]!;
    const bill = h.xpay.control.bills().find((b) => b.reference === depositId)!;
    expect(bill).toBeDefined();
    return { depositId, bill, card };
  }

  it("/deposit offers the configured amounts; a tap opens the deposit, then the bill card comes in the reseller's language with pay link, amount and expiry", async () => {
    const u = await h.reseller(nextId++, { language_code: "id" });
    expect(u.commands().map((c) => c.command)).toContain("deposit");

    await u.send("/deposit");
    const menu = await u.waitForMessage({ match: /Isi saldo dompet IDR/ });
    expect(menu.text).toMatch(/antara Rp.10\.000 dan Rp.1\.000\.000/);
    expect(u.buttons().map((b) => b.text)).toEqual(["Rp\u00a050.000", "Rp\u00a0100.000", "Rp\u00a0250.000", "✏️ Ketik nominal"]);

    const mark = u.messages().length;
    await tap(u, /100\.000/);
    await u.waitForMessage({ match: /Membuat tagihan xpay untuk Rp.100\.000/, after: mark });
    const card = await u.waitForMessage({ match: /lewat xpay sebelum/, after: mark });
    const depositId = /Deposit (D[0-9A-Z]{10})/.exec(card.text)![1]!;
    const bill = h.xpay.control.bills().find((b) => b.reference === depositId)!;
    expect(bill.amount).toBe(100_000);
    expect(card.text).toContain(`Bayar Rp\u00a0100.000 lewat xpay sebelum ${formatExpiry(bill.expiresAt)}`);
    expect(card.text).toContain(bill.paymentInstructions);
    expect(u.buttons(card)).toEqual([
      { text: "💳 Bayar sekarang", url: bill.payUrl },
      { text: "✖️ Batalkan deposit ini", data: `dep:x:${depositId}` },
    ]);

    // The deposit existed before xpay was asked, and its id is the bill's reference.
    const d = await deposit(depositId);
    const create = h.xpay.control
      .requests("bills")
      .find((r) => r.method === "POST" && (r.body as { reference?: string }).reference === depositId)!;
    expect(d.createdAt).toBeLessThanOrEqual(create.at);
    expect(d).toMatchObject({ userId: u.id, state: "open", billId: bill.id, amount: { amount: 100_000, currency: "IDR" } });

    // The open deposit is listed with its own buttons; the used picker cannot open a second one.
    await u.send("/deposit");
    await u.waitForMessage({ match: /Menunggu pembayaran/ });
    expect(u.buttons()).toEqual(expect.arrayContaining([{ text: `💳 Bayar ${depositId}`, url: bill.payUrl }]));
    expect((await store().deposits.byUser(u.id)).length).toBe(1);
  });

  it("a paid bill credits the wallet exactly once, though three hints, the poller and a direct check all see it at once", async () => {
    const u = await h.reseller(nextId++);
    const { depositId, bill } = await openDeposit(u);
    h.xpay.control.markPaid(bill.id);
    const mark = u.messages().length;
    const [s1, s2, s3] = await Promise.all([
      h.xpay.control.postHint(bill.id),
      h.xpay.control.postHint(bill.id),
      h.xpay.control.postHint(bill.id),
      h.app.services.deposits.sweep(),
      h.app.services.deposits.check(depositId),
    ]);
    for (const s of [s1, s2, s3]) expect([200, 202]).toContain(s.status);
    await u.waitForMessage({ match: /is paid: IDR\s50,000 was added to your wallet\. Balance: IDR\s50,000/, after: mark });
    await drained("deposit-checks");
    await drained("notifications");
    await sleep(300);

    expect(await h.balance(u.id, "IDR")).toBe(50_000);
    const credits = await depositCredits(u.id);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({ type: "credit", amount: 50_000, key: `deposit:${depositId}:credit` });
    expect((await deposit(depositId)).state).toBe("paid");
    expect(count(u, /is paid/)).toBe(1);

    // Settled: a later hint is answered without asking xpay again.
    const reads = billReads(bill.id);
    expect(await postHint({ billId: bill.id })).toBe(200);
    await drained("deposit-checks");
    expect(billReads(bill.id)).toBe(reads);
  });

  it("a crash between the credit and the settle is repaired by the next check without a second credit", async () => {
    const u = await h.reseller(nextId++);
    const { depositId, bill } = await openDeposit(u);
    h.xpay.control.markPaid(bill.id);
    // What a process that died right after crediting leaves behind: the entry, and an open deposit.
    await store().ledger.apply({
      userId: u.id,
      currency: "IDR",
      amount: 50_000,
      type: "credit",
      reason: "deposit",
      actor: "system",
      key: `deposit:${depositId}:credit`,
    });
    expect((await deposit(depositId)).state).toBe("open");

    const mark = u.messages().length;
    expect(await h.app.services.deposits.check(depositId)).toBe("paid");
    await u.waitForMessage({ match: /is paid/, after: mark });
    expect(await h.balance(u.id, "IDR")).toBe(50_000);
    expect(await depositCredits(u.id)).toHaveLength(1);
  });

  it("a forged hint for an unpaid bill credits nothing; the real payment later credits the billed amount, not the forged one", async () => {
    const u = await h.reseller(nextId++);
    const { depositId, bill } = await openDeposit(u);
    const reads = billReads(bill.id);

    const forged = await h.xpay.control.postForgedHint(bill.id);
    expect(forged.status).toBe(202);
    expect(JSON.parse(forged.body)).toMatchObject({ data: { status: "paid", amount: 500_000 } });
    await until(() => billReads(bill.id) > reads, "the bill to be read back from xpay");
    await drained("deposit-checks");
    expect((await deposit(depositId)).state).toBe("open");
    expect(await h.balance(u.id, "IDR")).toBe(0);
    expect(await depositCredits(u.id)).toHaveLength(0);

    h.xpay.control.markPaid(bill.id);
    const mark = u.messages().length;
    expect((await h.xpay.control.postHint(bill.id)).status).toBe(202);
    await u.waitForMessage({ match: /is paid: IDR\s50,000/, after: mark });
    expect(await h.balance(u.id, "IDR")).toBe(50_000);
  });

  it("an expired bill credits nothing and the reseller is told", async () => {
    const u = await h.reseller(nextId++);
    const { depositId, bill } = await openDeposit(u);
    h.xpay.control.markExpired(bill.id);
    const mark = u.messages().length;
    expect((await h.xpay.control.postHint(bill.id)).status).toBe(202);
    await u.waitForMessage({
      match: new RegExp(`The bill for deposit ${depositId} \\(IDR\\s50,000\\) expired unpaid\\. Nothing was added`),
      after: mark,
    });
    expect((await deposit(depositId)).state).toBe("expired");
    expect(await h.balance(u.id, "IDR")).toBe(0);
    expect(await depositCredits(u.id)).toHaveLength(0);

    // xpay takes the payment after all: the closed deposit is read again and the admins are told.
    const adminMark = h.admin.messages().length;
    h.xpay.control.markPaid(bill.id);
    expect((await h.xpay.control.postHint(bill.id)).status).toBe(202);
    await h.admin.waitForMessage({
      match: new RegExp(`${bill.id}.*is paid, but deposit ${depositId} was already closed`, "s"),
      after: adminMark,
    });
    expect(await depositCredits(u.id)).toHaveLength(0);
  });

  it("the Cancel button cancels the bill at xpay; a bill paid just before the tap is credited instead", async () => {
    const u = await h.reseller(nextId++);
    const first = await openDeposit(u);
    await u.send("/deposit");
    const listing = await u.waitForMessage({ match: new RegExp(`Waiting for payment\\n• ${first.depositId}: IDR\\s50,000`) });
    expect(u.buttons(listing)).toEqual(expect.arrayContaining([{ text: `✖️ Cancel ${first.depositId}`, data: `dep:x:${first.depositId}` }]));

    const mark = u.messages().length;
    await u.press(/Cancel this deposit/, { messageId: first.card.message_id });
    await u.waitForMessage({ match: new RegExp(`Deposit ${first.depositId} \\(IDR\\s50,000\\) is cancelled`), after: mark });
    expect(u.callbackAnswers().map((a) => a.text)).toContain("Cancelling the deposit…");
    expect(h.xpay.control.bills().find((b) => b.id === first.bill.id)!.status).toBe("cancelled");
    expect((await deposit(first.depositId)).state).toBe("cancelled");

    // The listing's button for it, pressed afterwards: nothing left to cancel.
    await u.press({ data: `dep:x:${first.depositId}` }, { messageId: listing.message_id });
    await u.waitFor(() => u.callbackAnswers().some((a) => a.text === `Deposit ${first.depositId} is already cancelled.`));

    const second = await openDeposit(u, /100,000/);
    h.xpay.control.markPaid(second.bill.id);
    const mark2 = u.messages().length;
    await u.press({ data: `dep:x:${second.depositId}` });
    await u.waitForMessage({ match: /is paid: IDR\s100,000/, after: mark2 });
    expect((await deposit(second.depositId)).state).toBe("paid");
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
    expect(await depositCredits(u.id)).toHaveLength(1);
  });

  it("a typed amount must be whole and within the limits, with a localised answer for each mistake", async () => {
    const u = await h.reseller(nextId++);
    await u.send("/deposit");
    const asked = u.messages().length;
    await tap(u, /Type an amount/);
    await u.waitForMessage({ after: asked, match: /Type a whole amount in IDR between IDR\s10,000 and IDR\s1,000,000/ });
    await u.send("5000");
    await u.waitForMessage({ match: /too little: the smallest deposit is IDR\s10,000/ });
    await u.send("2000000");
    await u.waitForMessage({ match: /too much: the largest deposit is IDR\s1,000,000/ });
    await u.send("12abc");
    await u.waitForMessage({ match: /not a whole amount/ });
    expect(await store().deposits.byUser(u.id)).toHaveLength(0);
    const mark = u.messages().length;
    await u.send("75.000");
    await u.waitForMessage({ match: /Creating your xpay bill for IDR\s75,000/, after: mark });
    const card = await u.waitForMessage({ match: /Pay IDR\s75,000 through xpay/, after: mark });
    const depositId = /Deposit (D[0-9A-Z]{10})/.exec(card.text)![1]!;
    expect((await deposit(depositId)).amount).toEqual({ amount: 75_000, currency: "IDR" });

    const my = await h.reseller(nextId++, { language_code: "my" });
    await my.send("/deposit");
    const myAsked = my.messages().length;
    await tap(my, /ပမာဏ ရိုက်ထည့်ရန်/);
    await my.waitForMessage({ match: /ဘယ်လောက် ငွေဖြည့်ချင်ပါသလဲ/, after: myAsked });
    await my.send("5000");
    await my.waitForMessage({ match: /ပမာဏ နည်းလွန်းပါတယ်/ });
    await my.send("/cancel");
    await my.waitForMessage({ match: /ပယ်ဖျက်လိုက်ပါပြီ/ });
    expect(await store().deposits.byUser(my.id)).toHaveLength(0);
  });

  it("a flood of hints gets 429s and costs xpay at most a couple of reads; hints for bills not ours cost none", async () => {
    const u = await h.reseller(nextId++);
    const { bill } = await openDeposit(u);
    await sleep(1_100); // a fresh one-second window for the overall limit
    const reads = billReads(bill.id);
    // A slow read: the accepted hints all arrive while the first read is still queued or running,
    // as in a real flood, whatever the machine's load (a fast read let a busy machine start a third).
    h.xpay.control.setLatency("bill", 400);
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => postHint({ event: "bill.paid", data: { billId: bill.id, status: "paid" } })),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(5);
    await drained("deposit-checks");
    h.xpay.control.setLatency("bill", 0);
    expect(billReads(bill.id) - reads).toBeGreaterThanOrEqual(1);
    expect(billReads(bill.id) - reads).toBeLessThanOrEqual(2);

    await sleep(1_100);
    const calls = h.xpay.control.requests().length;
    const strangers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postHint({ billId: `BILL-NOT-OURS-${i}`, reference: `D000000000${i}` })),
    );
    expect(strangers.every((s) => s === 200)).toBe(true);
    expect(await postHint("not json")).toBe(400);
    expect(await postHint({ hello: "world" })).toBe(400);
    await drained("deposit-checks");
    expect(h.xpay.control.requests().length).toBe(calls);
    expect(await h.balance(u.id, "IDR")).toBe(0);
  });

  it("the xpay token is fetched once for many calls from two bot processes, and once again after it expires", async () => {
    const redis = new Redis(redisUrl);
    try {
      const process = () =>
        createProviderRegistry(
          { xpay: { baseUrl: h.xpay.url, username: h.xpay.username, secretKey: h.xpay.secretKey, currency: "IDR" } },
          { metrics: createMetrics(), logger: createLogger({ level: "silent" }) },
          { xpayTokenCache: redisTokenCache(redis, TOKEN_KEY) },
        ).get("xpay")!.payments!;
      // Two more bot processes beside the app (each its own adapter, token manager and rate limiter).
      const [p1, p2] = [process(), process()];
      const ours: PaymentsSource = h.app.services.providers.get("xpay")!.payments!;
      const both = (n: number) =>
        Promise.all([
          ours.searchBills({ reference: "D0000000000" }),
          ...Array.from({ length: n }, (_, i) => (i % 2 ? p1 : p2).searchBills({ reference: "D0000000000" })),
        ]);

      await redis.del(TOKEN_KEY);
      const before = h.xpay.control.authentications();
      await both(20);
      await both(10);
      expect(h.xpay.control.authentications() - before).toBe(1);

      // A short-lived token: renewed once, for both processes, after it runs out.
      h.xpay.control.setTokenLifetime(1_200);
      await redis.del(TOKEN_KEY);
      await p1.searchBills({ reference: "D0000000000" });
      const short = h.xpay.control.authentications();
      await both(6);
      expect(h.xpay.control.authentications()).toBe(short);
      await sleep(1_300);
      await both(10);
      expect(h.xpay.control.authentications()).toBe(short + 1);
      h.xpay.control.setTokenLifetime(3_600_000);
      await redis.del(TOKEN_KEY);
    } finally {
      redis.disconnect();
    }
  });

  describe("the periodic check", () => {
    beforeAll(async () => {
      // Only this block's deposits stay open, so the check reads just them.
      for (const d of await store().deposits.open()) await store().deposits.settle(d.id, "cancelled");
      await h.restart({ deposits: { sweepEveryMs: 1_000, lostAfterMs: 1_500 } });
    });

    it("credits a paid bill that no hint announced, and expires an expired one", async () => {
      const u = await h.reseller(nextId++);
      const paid = await openDeposit(u);
      const expired = await openDeposit(u, /100,000/);
      h.xpay.control.markPaid(paid.bill.id);
      h.xpay.control.markExpired(expired.bill.id);
      await u.waitForMessage({ match: new RegExp(`Deposit ${paid.depositId} is paid`), after: 0 });
      await u.waitForMessage({ match: new RegExp(`deposit ${expired.depositId} \\(IDR\\s100,000\\) expired unpaid`), after: 0 });
      expect(await h.balance(u.id, "IDR")).toBe(50_000);
      expect((await deposit(expired.depositId)).state).toBe("expired");
    });

    it("finds a bill whose create answer was lost by its reference, shows it, and credits it once paid", async () => {
      const u = await h.reseller(nextId++);
      h.xpay.control.failNext("bills", { afterProcessing: "reset" });
      await u.send("/deposit");
      await tap(u, /50,000/);
      await u.waitForMessage({ match: /has not confirmed the bill/, after: 0 });
      const card = await u.waitForMessage({ match: /Pay IDR\s50,000 through xpay/, after: 0 });
      const depositId = /Deposit (D[0-9A-Z]{10})/.exec(card.text)![1]!;
      const bills: XpayFakeBill[] = h.xpay.control.bills().filter((b) => b.reference === depositId);
      expect(bills).toHaveLength(1);
      expect((await deposit(depositId)).billId).toBe(bills[0]!.id);

      h.xpay.control.markPaid(bills[0]!.id);
      await u.waitForMessage({ match: /is paid: IDR\s50,000/, after: 0 });
      expect(await depositCredits(u.id)).toHaveLength(1);
    });

    it("closes a deposit whose bill was never made, and says so", async () => {
      const u = await h.reseller(nextId++);
      h.xpay.control.failNext("bills", "reset");
      await u.send("/deposit");
      await tap(u, /50,000/);
      await u.waitForMessage({ match: /has not confirmed the bill/, after: 0 });
      const failed = await u.waitForMessage({
        match: /xpay could not create a bill for deposit (D[0-9A-Z]{10}) \(IDR\s50,000\)\. Nothing was charged/,
        after: 0,
      });
      const depositId = /(D[0-9A-Z]{10})/.exec(failed.text)![1]!;
      expect((await deposit(depositId)).state).toBe("cancelled");
      expect(h.xpay.control.bills().filter((b) => b.reference === depositId)).toHaveLength(0);
    });
  });
});
