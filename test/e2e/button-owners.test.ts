import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a press made the bot say: the button's answer, and every message sent after it. */
async function press(u: FakeUser, data: string): Promise<{ answer: string; said: string[] }> {
  const answered = u.callbackAnswers().length;
  const sent = u.messages().length;
  u.pressData(data);
  await u.waitFor(() => u.callbackAnswers().length > answered, 5000, `an answer to ${data}`);
  // Whatever else the press does comes within this.
  await sleep(400);
  return {
    answer: u.callbackAnswers().at(-1)?.text ?? "",
    said: u
      .messages()
      .slice(sent)
      .map((m) => m.text),
  };
}

/** The order id a confirmation card's buttons carry. */
const draftIdOf = (u: FakeUser) => {
  const data = u.buttons().find((b) => b.data?.startsWith("ok:"))?.data;
  if (!data) throw new Error("no Confirm button");
  return data.slice(3);
};

// A never-used id of the right shape: what B would get for A's id must be no different from this.
const NOBODYS = "R0000000000";

describe.skipIf(!redisAvailable || !postgresAvailable)("buttons carrying another reseller's draft or order", () => {
  let h: Harness;
  let nextId = 8300;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  async function two() {
    const a = await h.reseller(nextId++);
    const b = await h.reseller(nextId++);
    await h.credit(a.id, 100_000, "IDR");
    await h.credit(b.id, 100_000, "IDR");
    await toConfirmCard(a);
    // B needs a message of the bot's to press a button on (their own card, as a forged client would).
    await toConfirmCard(b);
    return { a, b, draftId: draftIdOf(a) };
  }

  it("Cancel with A's draft id leaves A's draft alone, and A can still confirm it", async () => {
    const { a, b, draftId } = await two();
    const nobodys = await press(b, `no:${NOBODYS}`);
    const theirs = await press(b, `no:${draftId}`);
    // B hears what they hear for a draft that does not exist.
    expect(theirs).toEqual(nobodys);
    expect(await h.app.services.drafts.get(draftId)).toMatchObject({ id: draftId, userId: a.id });

    const seen = a.messages().length;
    await tap(a, /Confirm/);
    await a.waitForMessage({ match: new RegExp(`placed.*${draftId}|${draftId}.*placed`, "s"), after: seen });
    expect((await h.app.store.orders.get(draftId))?.userId).toBe(a.id);
  });

  it("🎟 Promo code with A's draft id tells B nothing and leaves A's card at its price", async () => {
    const { a, b, draftId } = await two();
    await h.app.services.promos.add({ code: "OWNED", discount: { kind: "amount", amount: 100, currency: "IDR" }, createdBy: 1 });
    const nobodys = await press(b, `pc:${NOBODYS}`);
    const theirs = await press(b, `pc:${draftId}`);
    expect(theirs).toEqual(nobodys);
    expect(theirs.said.join("\n")).toMatch(/expired/);
    // B typing a code now reaches no flow of A's card.
    await b.send("OWNED");
    await sleep(300);
    const draft = await h.app.services.drafts.get(draftId);
    expect(draft).toMatchObject({ userId: a.id });
    expect(draft?.promo).toBeUndefined();
    expect(a.messages().some((m) => /OWNED/.test(m.text))).toBe(false);
  });

  it("Confirm with A's draft or order id tells B nothing of it and charges B nothing", async () => {
    const { a, b, draftId } = await two();
    const nobodys = await press(b, `ok:${NOBODYS}`);
    expect(nobodys.said.join("\n")).toMatch(/expired/);

    // A's draft, not placed yet: B cannot place it, and it stays A's.
    const onDraft = await press(b, `ok:${draftId}`);
    expect(onDraft).toEqual(nobodys);
    expect(await h.app.store.orders.get(draftId)).toBeUndefined();
    expect(await h.app.services.drafts.get(draftId)).toMatchObject({ userId: a.id });

    // A places it; then B tries the order's id.
    const seen = a.messages().length;
    await tap(a, /Confirm/);
    await a.waitForMessage({ match: /placed/, after: seen });
    const onOrder = await press(b, `ok:${draftId}`);
    expect(onOrder).toEqual(nobodys);
    const all = [onOrder.answer, ...onOrder.said].join("\n");
    expect(all).not.toContain(draftId);
    expect(all).not.toMatch(/already placed|pending|processing|completed|unknown/i);

    expect(await h.balance(b.id, "IDR")).toBe(100_000);
    expect((await h.app.store.orders.get(draftId))?.userId).toBe(a.id);
  });

  // Already owner-checked before anything is read (the audit of issue 17): kept that way.
  it("every other button keyed by A's order, batch or saved customer answers B as for one that does not exist", async () => {
    const { a, b, draftId } = await two();
    const s = h.app.services;
    const seen = a.messages().length;
    await tap(a, /Confirm/);
    await a.waitForMessage({ match: /placed/, after: seen });
    const product = (await s.catalog.product("gametopup", "1"))!;
    const { batch } = await s.bulk.quote(a.id, product, [{ line: 1, playerId: "22345678", zone: "2001" }]);
    await h.app.store.customers.remember({ userId: a.id, kind: "player", value: "32345678", zone: "2001", usedAt: Date.now() }, 8);
    const [customer] = await s.customers.players(a.id);
    const depositId = `D${String(a.id).padStart(10, "0")}`;
    const now = Date.now();
    await h.app.store.deposits.create({
      id: depositId,
      userId: a.id,
      amount: { amount: 50_000, currency: "IDR" },
      state: "open",
      createdAt: now,
      updatedAt: now,
    });
    const rows: [theirs: string, nobodys: string][] = [
      [`ov:${draftId}`, `ov:${NOBODYS}`],
      [`rc:${draftId}`, `rc:${NOBODYS}`],
      [`ra:${draftId}`, `ra:${NOBODYS}`],
      [`bk:ok:${batch.id}`, "bk:ok:B0000000000"],
      [`bk:no:${batch.id}`, "bk:no:B0000000000"],
      [`sc:f:${customer!.id}`, "sc:f:999999999"],
      [`dep:x:${depositId}`, "dep:x:D0000000000"],
    ];
    for (const [theirs, nobodys] of rows) {
      const answer = await press(b, nobodys);
      expect(await press(b, theirs), theirs).toEqual(answer);
    }
    expect(await s.bulk.get(batch.id)).toMatchObject({ id: batch.id, userId: a.id });
    for (const line of batch.lines) expect(await s.drafts.get(line.orderId)).toBeDefined();
    expect((await s.customers.players(a.id)).map((c) => c.id)).toContain(customer!.id);
    expect((await h.app.store.deposits.get(depositId))?.state).toBe("open");
    expect(await h.app.store.orders.countByUser(b.id)).toBe(0);
  });
});
