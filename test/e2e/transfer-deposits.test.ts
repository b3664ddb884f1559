import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { collectDailyReport, reportArgs } from "../../src/domain/daily-report.js";
import { transferCards } from "../../src/bot/transfer-cards.js";
import { createLogger } from "../../src/observability/logger.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import type { BotMessage } from "../fakes/telegram/state.js";
import { startHarness, tap, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const FINANCE = 8001;
const REFERENCE = /reference in the transfer's note: (T[0-9A-Z]{10})/;

/**
 * SPEC §6 through the whole bot and the fake Bot API: payees, a reseller's transfer with its
 * slip, the review cards in the DMs of everyone who may approve money, and each outcome.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("deposits by transfer (real PostgreSQL and Redis)", () => {
  let h: Harness;
  let finance: FakeUser;
  let nextId = 8100;
  let redisUrl: string;

  beforeAll(async () => {
    redisUrl = await freshRedisDb();
    h = await startHarness({
      redisUrl,
      databaseUrl: await freshDatabase(),
      env: { TRANSFER_LIMITS: "IDR:10000-5000000,USD:1-500" },
    });
    finance = await h.reseller(FINANCE, { username: "fina" });
    const seen = h.admin.messages().length;
    await h.admin.send(`/role ${FINANCE} finance`);
    await h.admin.waitForMessage({ match: /now has/, after: seen });
    await say(h.admin, "/payee add IDR BCA 1234567890 a.n. PT Contoh", /Payee #\d+ added for IDR/);
  }, 60_000);
  afterAll(() => h?.close());

  async function say(user: FakeUser, text: string, match: RegExp): Promise<BotMessage> {
    const seen = user.messages().length;
    await user.send(text);
    return user.waitForMessage({ match, after: seen });
  }

  /** /deposit → Transfer → amount: the payees and the reference; returns the reference. */
  async function startTransfer(user: FakeUser, amount = "50.000"): Promise<string> {
    await say(user, "/deposit", /Top up/);
    await tap(user, /Bank or e-wallet transfer/);
    await user.waitForMessage({ match: /How much will you transfer/ });
    const pay = await say(user, amount, REFERENCE);
    expect(pay.text).toMatch(/BCA.*1234567890 a\.n\. PT Contoh/);
    return REFERENCE.exec(pay.text)![1]!;
  }

  /** The card of a deposit in a member's DM. */
  const cardIn = (member: FakeUser, id: string) =>
    member.waitFor(
      (ms) => ms.find((m) => (m.photo !== undefined || m.document !== undefined ? m.text.includes(id) : false)),
      8000,
      `the card of ${id}`,
    );

  /** Waits until a card (as it is now, edits applied) matches. */
  const shows = (member: FakeUser, card: BotMessage, match: RegExp) =>
    member.waitFor(
      (ms) => ms.find((m) => m.message_id === card.message_id && match.test(m.text)),
      8000,
      `card #${card.message_id} ${match}`,
    );

  async function submitted(user: FakeUser, amount = "50.000", photo = {}) {
    const id = await startTransfer(user, amount);
    const seen = user.messages().length;
    await user.sendPhoto(photo);
    await user.waitForMessage({ match: /waiting for review/, after: seen });
    return id;
  }

  it("lists and removes payees", async () => {
    await say(h.admin, "/payee add USD Wise alice@example.com", /Payee #\d+ added for USD/);
    const list = await say(h.admin, "/payee list", /Payees/);
    expect(list.text).toMatch(/IDR · BCA 1234567890/);
    const usd = /#(\d+) · USD/.exec(list.text)![1];
    await say(h.admin, `/payee remove ${usd}`, /removed/);
    await say(h.admin, `/payee remove ${usd}`, /There is no payee/);
    await say(h.admin, "/payee add XYZ Foo bar", /currency|XYZ/i);
    await say(finance, "/payee list", /needs the admin role/);
  });

  it("runs a transfer from the slip to the credit, once, and both cards show who approved", async () => {
    const user = await h.reseller(nextId++);
    const id = await submitted(user);
    const record = await h.app.store.transfers.get(id);
    expect(record).toMatchObject({ state: "submitted", amount: 50_000, currency: "IDR", slip: { kind: "photo" } });

    const [ownerCard, financeCard] = await Promise.all([cardIn(h.admin, id), cardIn(finance, id)]);
    expect(financeCard.text).toMatch(/Transfer deposit/);
    expect(financeCard.text).toMatch(/Reseller\d+/);
    expect(financeCard.text).toMatch(/50,000/);
    expect(finance.buttons(financeCard).map((b) => b.text)).toEqual(["✅ Approve", "❌ Reject", "✏️ Change amount"]);

    const told = user.waitForMessage({ match: /is approved/ });
    await finance.press("✅ Approve", { messageId: financeCard.message_id });
    expect((await told).text).toMatch(/IDR\s50,000 was added.*Balance: IDR\s50,000/s);
    expect(await h.balance(user.id, "IDR")).toBe(50_000);
    await shows(h.admin, ownerCard, /Approved by Reseller8001/);
    await shows(finance, financeCard, /Approved by Reseller8001/);
    expect(h.admin.buttons(h.admin.messages().find((m) => m.message_id === ownerCard.message_id)!)).toEqual([]);

    // The owner's later press on a stale card: told who did it, nothing credited again.
    const q = h.admin.pressData(`tr:ok:${id}`, { messageId: ownerCard.message_id });
    const answer = await h.admin.waitFor(() => h.admin.callbackAnswers().find((a) => a.callback_query_id === q.id));
    expect(answer.text).toMatch(/already approved by Reseller8001/);
    expect(await h.balance(user.id, "IDR")).toBe(50_000);
    const credits = (await h.app.store.ledger.entries(user.id, { limit: 10 })).filter((e) => e.reason === "transfer_deposit");
    expect(credits).toHaveLength(1);
    expect(credits[0]!.key).toBe(id);
  });

  it("rejects with a preset reason, and the reseller reads it in their language", async () => {
    const user = await h.reseller(nextId++, { language_code: "id" });
    await say(user, "/deposit", /Isi saldo|Top up/);
    await tap(user, /Transfer bank atau e-wallet/);
    await user.waitForMessage({ match: /Berapa yang akan Anda transfer/ });
    const pay = await say(user, "75000", /berita transfer: T/);
    const id = /(T[0-9A-Z]{10})/.exec(pay.text)![1]!;
    await user.sendPhoto();
    await user.waitForMessage({ match: /menunggu diperiksa/ });

    const card = await cardIn(finance, id);
    await finance.press("❌ Reject", { messageId: card.message_id });
    await finance.waitForMessage({ match: /Why is transfer/ });
    const told = user.waitForMessage({ match: /tidak diterima/ });
    await finance.press(/money has not arrived/);
    expect((await told).text).toMatch(/dana belum masuk ke rekening kami/);
    await shows(finance, card, /Rejected by Reseller8001 .*: the money has not arrived/);
    await shows(h.admin, await cardIn(h.admin, id), /Rejected by Reseller8001/);
    expect(await h.app.store.transfers.get(id)).toMatchObject({ state: "rejected", reviewedBy: FINANCE, reason: "preset:not_received" });
    expect(await h.balance(user.id, "IDR")).toBe(0);
  });

  it("rejects with the reviewer's own words", async () => {
    const user = await h.reseller(nextId++);
    const id = await submitted(user);
    const card = await cardIn(h.admin, id);
    await h.admin.press("❌ Reject", { messageId: card.message_id });
    await h.admin.waitForMessage({ match: /Why is transfer/ });
    await h.admin.press(/Another reason/);
    await h.admin.waitForMessage({ match: /Type the reason/ });
    const told = user.waitForMessage({ match: /was not accepted/ });
    await say(h.admin, "the name on the slip is not yours", /rejected; the reseller has been told/);
    expect((await told).text).toMatch(/not accepted: the name on the slip is not yours/);
    await shows(finance, await cardIn(finance, id), /Rejected by Admin .*name on the slip/);
  });

  it("changes the amount, then approves what the slip shows", async () => {
    const user = await h.reseller(nextId++);
    const id = await submitted(user, "100000");
    const card = await cardIn(finance, id);
    await finance.press("✏️ Change amount", { messageId: card.message_id });
    await finance.waitForMessage({ match: /Type the amount the slip really shows/ });
    await say(finance, "5", /too little/);
    await say(finance, "abc", /not an amount/);
    await say(finance, "90.000", /now reads IDR\s90,000/);
    await shows(finance, card, /Amount: IDR\s90,000\nClaimed by the reseller: IDR\s100,000/);
    const told = user.waitForMessage({ match: /is approved/ });
    await finance.press("✅ Approve", { messageId: card.message_id });
    expect((await told).text).toMatch(/IDR\s90,000 was added.*Balance: IDR\s90,000/s);
    expect(await h.balance(user.id, "IDR")).toBe(90_000);
  });

  it("flags a slip used before with the deposit it matches", async () => {
    const user = await h.reseller(nextId++);
    const first = await startTransfer(user);
    const photo = await user.sendPhoto();
    await user.waitForMessage({ match: /waiting for review/ });
    const again = await startTransfer(user);
    // The same picture forwarded again: Telegram gives it the same file_unique_id.
    const largest = photo.photo!.at(-1)!;
    h.telegram.pushUpdate({
      message: {
        ...photo,
        chat: user.chat,
        from: user.info,
        message_id: photo.message_id + 100,
        photo: [largest],
        date: Math.floor(Date.now() / 1000),
      },
    });
    await user.waitForMessage({ match: new RegExp(`${again}.*waiting for review`) });
    expect((await h.app.store.transfers.get(again))?.duplicateOf).toBe(first);
    const card = await cardIn(finance, again);
    expect(card.text).toMatch(new RegExp(`Duplicate of deposit ${first}`));
    expect((await cardIn(finance, first)).text).not.toMatch(/Duplicate/);
  });

  it("refuses a fourth open transfer", async () => {
    const user = await h.reseller(nextId++);
    for (let i = 0; i < 3; i++) await submitted(user);
    await say(user, "/deposit", /Top up/);
    await tap(user, /Bank or e-wallet transfer/);
    await user.waitForMessage({ match: /already have 3 transfers waiting for review/ });
    expect(await h.app.store.transfers.openCount(user.id)).toBe(3);
  });

  it("answers each wrong thing in place of a slip with one line, and /cancel leaves", async () => {
    const user = await h.reseller(nextId++);
    const id = await startTransfer(user);
    const one = async (send: () => Promise<unknown>, match: RegExp) => {
      const seen = user.messages().length;
      await send();
      const reply = await user.waitForMessage({ match, after: seen });
      await new Promise((r) => setTimeout(r, 150));
      expect(user.messages().length - seen, String(match)).toBe(1);
      return reply;
    };
    await one(() => user.send("I paid already"), /as a photo, not as text/);
    await one(() => user.sendSticker(), /A sticker is not a slip/);
    await one(() => user.sendDocument({ fileName: "slip.pdf", content: "%PDF-1.4" }), /cannot read a PDF/);
    await one(() => user.sendDocument({ fileName: "slip.png", bytes: Buffer.from("png"), fileSize: 30 * 1024 * 1024 }), /too large/);
    await one(() => user.sendDocument({ fileName: "notes.txt", content: "hello" }), /not a picture/);
    // An image file is a slip as well as a photo is.
    await one(() => user.sendDocument({ fileName: "slip.png", bytes: Buffer.from("png-bytes") }), /waiting for review/);
    expect((await h.app.store.transfers.get(id))?.slip.kind).toBe("document");
    // The second photo of an album arrives after the slip: one line, no second deposit.
    await one(() => user.sendPhoto(), /already have your slip/);
    expect(await h.app.store.transfers.openCount(user.id)).toBe(1);
    await cardIn(finance, id);

    const other = await startTransfer(user);
    await one(() => user.send("/cancel"), /Cancelled/);
    await one(() => user.sendPhoto(), /already have your slip|no transfer waiting/);
    expect(await h.app.store.transfers.get(other)).toBeUndefined();
  });

  it("two finance members approving at once in two processes give one credit; a reject racing an approve gives one outcome", async () => {
    const other = await h.another();
    const user = await h.reseller(nextId++);
    const id = await submitted(user);
    const results = await Promise.all([h.app.services.transfers.approve(id, FINANCE), other.services.transfers.approve(id, 1)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["approved", "decided"]);
    expect(await h.balance(user.id, "IDR")).toBe(50_000);
    const winner = results.find((r) => r.kind === "approved")!.deposit!;
    const who = winner.reviewedBy === FINANCE ? "Reseller8001" : "Admin";
    await shows(finance, await cardIn(finance, id), new RegExp(`Approved by ${who}`));
    await shows(h.admin, await cardIn(h.admin, id), new RegExp(`Approved by ${who}`));

    const second = await submitted(user);
    const race = await Promise.all([
      other.services.transfers.reject(second, FINANCE, { preset: "unreadable" }),
      h.app.services.transfers.approve(second, 1),
    ]);
    const outcomes = race.map((r) => r.kind).sort();
    expect(outcomes.filter((k) => k !== "decided")).toHaveLength(1);
    const final = (await h.app.store.transfers.get(second))!;
    expect(await h.balance(user.id, "IDR")).toBe(final.state === "approved" ? 100_000 : 50_000);
    const outcome = final.state === "approved" ? /Approved by/ : /Rejected by/;
    await shows(finance, await cardIn(finance, second), outcome);
    await shows(h.admin, await cardIn(h.admin, second), outcome);
    // The reseller heard one outcome.
    await user.waitForMessage({ match: new RegExp(`${second}.*(approved|not accepted)`), after: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(user.messages().filter((m) => m.text.includes(second) && /approved|not accepted/.test(m.text))).toHaveLength(1);
  });

  it("keeps a deposit across Redis loss and a restart, and raises it again when nobody reviewed it", async () => {
    const user = await h.reseller(nextId++);
    const id = await submitted(user);
    const before = finance.messages().filter((m) => m.text.includes(id)).length;
    // Every key in Redis gone (sessions, locks, queues): the deposit and its cards are in PostgreSQL.
    const flusher = new Redis(redisUrl);
    await flusher.flushdb();
    flusher.disconnect();
    await h.restart({ transfers: { raiseAfterMs: 400, checkEveryMs: 100 } });
    expect((await h.app.store.transfers.get(id))?.state).toBe("submitted");
    const raised = await finance.waitFor(
      (ms) => ms.find((m) => m.text.includes(id) && /Still waiting for review/.test(m.text)),
      8000,
      "the raised card",
    );
    expect(finance.messages().filter((m) => m.text.includes(id)).length).toBeGreaterThan(before);
    // Approving from the raised card edits every card of the deposit.
    const told = user.waitForMessage({ match: /is approved/ });
    await finance.press("✅ Approve", { messageId: raised.message_id });
    await told;
    for (const card of finance.messages().filter((m) => m.text.includes(id))) await shows(finance, card, /Approved by Reseller8001/);
    await h.restart({ transfers: { raiseAfterMs: 3_600_000 } });
  });

  it("shows admin credits, transfer deposits and xpay deposits apart in /stats, none of them as revenue", async () => {
    const user = await h.reseller(nextId++);
    await say(h.admin, `/credit ${user.id} 7000 IDR`, /credited|added/i);
    // One approved transfer of its own, so the test stands alone.
    expect((await h.app.services.transfers.approve(await submitted(user), FINANCE)).kind).toBe("approved");
    const seen = h.admin.messages().length;
    await h.admin.send("/stats");
    const stats = await h.admin.waitForMessage({ match: /Money in/, after: seen });
    const today = stats.text.split("Last 7 days")[0]!;
    expect(today).toMatch(/No sales\./);
    expect(today).toMatch(/Money in \(not revenue\)/);
    expect(today).toMatch(/Admin credits: 1, total IDR\s7,000/);
    expect(today).toMatch(/Transfer deposits: \d+, total IDR\s[\d,]+/);
    expect(today).toMatch(/xpay deposits: none/);
    const approved = await h.app.store.transfers.approvedTotals(Date.now() - 3_600_000, Date.now() + 1);
    expect(today).toContain(`Transfer deposits: ${approved[0]!.count}, total`);

    // The daily report's line, for a window holding today: each source apart.
    const report = await collectDailyReport(
      { store: h.app.store, providers: h.app.services.providers, logger: createLogger({ level: "silent" }) },
      { day: "today", since: Date.now() - 3_600_000, until: Date.now() + 1 },
      "UTC",
    );
    const i18n = createI18n("en");
    const line = reportArgs(report, (key, args) => i18n.render("en", key, args, { html: false })).deposits;
    expect(line).toMatch(new RegExp(`^xpay none · transfers ${approved[0]!.count}, total IDR.[\\d,]+ · admin credits 1, total IDR.7,000$`));
    expect(report.sales).toEqual([]);
  });

  it("posts the card to the others when one member cannot be reached, and later to everyone when nobody could", async () => {
    const user = await h.reseller(nextId++);
    finance.block();
    const id = await submitted(user);
    await cardIn(h.admin, id);
    expect(await h.app.store.transfers.cards(id)).toHaveLength(1);
    expect((await h.app.store.transfers.get(id))?.state).toBe("submitted");

    h.admin.block();
    const lonely = await submitted(user);
    expect(await h.app.store.transfers.cards(lonely)).toEqual([]);
    expect((await h.app.store.transfers.get(lonely))?.state).toBe("submitted");
    finance.unblock();
    h.admin.unblock();
    // The transfer timer's repair: a deposit with no card at all is posted on its next tick.
    expect(await h.app.services.transfers.repairUnposted()).toBe(1);
    await cardIn(finance, lonely);
    await cardIn(h.admin, lonely);
    expect(await h.app.services.transfers.repairUnposted()).toBe(0);
  });

  it("reviews a card in the operator group's Deposits topic, each press checked against the presser's role", async () => {
    const team = h.telegram.group({ title: "Operators", forum: true });
    const topic = team.createTopic("Deposits");
    const thread = topic.message_thread_id;
    const fina = team.member({ id: FINANCE, first_name: "Reseller8001" });
    const supportId = nextId++;
    await h.reseller(supportId);
    await say(h.admin, `/role ${supportId} support`, /now has: support/);
    const helper = team.member({ id: supportId, first_name: `Reseller${supportId}` });

    const user = await h.reseller(nextId++);
    const id = await submitted(user, "100000");
    // The group's desk, as the operator-group area plugs it in (a TeamDesk with the topic).
    const groupBoard = transferCards({
      token: h.telegram.token,
      apiRoot: h.telegram.apiRoot,
      desk: { targets: async () => [{ chatId: team.id, threadId: thread }] },
      transfers: h.app.store.transfers,
      users: h.app.services.resellers,
      translator: createI18n("en"),
      defaultLocale: "en",
      logger: createLogger({ level: "silent" }),
    });
    expect(await groupBoard.post((await h.app.store.transfers.get(id))!)).toBe(1);
    const card = await team.waitFor(() => team.messages({ thread }).find((m) => m.text.includes(id)));
    expect(card.message_thread_id).toBe(thread);

    const refusal = helper.pressData(`tr:ok:${id}`, { messageId: card.message_id });
    const refused = await team.waitFor(() => helper.callbackAnswers().find((a) => a.callback_query_id === refusal.id));
    expect(refused.text).toMatch(/needs the finance role/);
    expect((await h.app.store.transfers.get(id))?.state).toBe("submitted");

    await fina.press("✏️ Change amount", { messageId: card.message_id });
    await team.waitForMessage({ thread, match: /Type the amount the slip really shows/ });
    await fina.send("95000", { thread });
    await team.waitForMessage({ thread, match: /now reads IDR\s95,000/ });
    const told = user.waitForMessage({ match: /is approved/ });
    await fina.press("✅ Approve", { messageId: card.message_id });
    expect((await told).text).toMatch(/IDR\s95,000 was added/);
    await team.waitFor(() => team.messages().find((m) => m.message_id === card.message_id && /Approved by Reseller8001/.test(m.text)));
    await shows(finance, await cardIn(finance, id), /Approved by Reseller8001/);
  });
});
