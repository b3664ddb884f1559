import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
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
    expect((await told).text).toMatch(/50,000.*Balance: IDR 50,000|50,000.*Balance/s);
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
});
