import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotMessage, FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, tap, type Harness } from "../support/harness.js";

// Mobile Legends 86 Diamonds costs Rp 19.800 at the fake; member markup 10% → Rp 21.780.
const PRICE = 21_780;
const MAX_LINES = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** "IDR 21,780" as Intl writes it (a no-break space after the code) → "IDR 21,780". */
const plain = (text: string) => text.replace(/\u00a0/g, " ");
const money = (n: number) => `IDR ${n.toLocaleString("en-US")}`;

/** 20 lines in the three formats; lines 4, 9 and 15 are bad, each for another reason. */
function twentyLines(): { text: string; good: { line: number; playerId: string; zone?: string }[] } {
  const good: { line: number; playerId: string; zone?: string }[] = [];
  const lines: string[] = [];
  for (let line = 1; line <= 20; line++) {
    const playerId = `${7000000 + line}`;
    if (line === 4)
      lines.push("ab 2001"); // player ID too short
    else if (line === 9)
      lines.push(`${playerId} zone!`); // bad zone
    else if (line === 15)
      lines.push(`${playerId} 2001 extra`); // three parts
    else if (line % 3 === 0) {
      lines.push(`${playerId}(${2000 + line})`);
      good.push({ line, playerId, zone: `${2000 + line}` });
    } else if (line % 3 === 1) {
      lines.push(`${playerId} ${2000 + line}`);
      good.push({ line, playerId, zone: `${2000 + line}` });
    } else {
      lines.push(playerId);
      good.push({ line, playerId });
    }
  }
  return { text: lines.join("\n"), good };
}

describe.skipIf(!redisAvailable || !postgresAvailable)("bulk top-up (fake Bot API, fake gametopup, real PostgreSQL and Redis)", () => {
  let h: Harness;
  let nextId = 21_000;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { BULK_MAX_LINES: String(MAX_LINES) },
    });
  });
  afterAll(() => h?.close());
  beforeEach(() => h.gametopup.control.reset());

  const debits = async (userId: number) => (await h.app.store.ledger.entries(userId, { limit: 500 })).filter((e) => e.type === "debit");
  const summaries = (u: FakeUser) => u.messages().filter((m) => /Bulk top-up settled/.test(m.text));

  it("20 lines with 3 bad: names the 3, places 17 orders with 17 debits once despite a double tap, and sends one summary", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 1_000_000, "IDR");
    await startTopup(u, /86 Diamonds/);
    await tap(u, /Bulk/);
    await u.waitForMessage({ match: /Bulk top-up.*up to 20 lines/s });

    const { text, good } = twentyLines();
    const seen = u.messages().length;
    await u.send(text);
    const bad = await u.waitForMessage({ match: /Lines left out: 3/, after: seen });
    expect(bad.text).toMatch(/Line 4: ab 2001 — the player ID must be 3 to 24/);
    expect(bad.text).toMatch(/Line 9: 7000009 zone! — the zone must be/);
    expect(bad.text).toMatch(/Line 15: 7000015 2001 extra — write it as/);
    expect(bad.text.match(/^Line \d+/gm)).toHaveLength(3);

    const card = await u.waitForMessage({ match: /Confirm your bulk top-up/, after: seen });
    expect(plain(card.text)).toContain("Orders: 17");
    expect(plain(card.text)).toContain(`${money(PRICE)} each, total ${money(17 * PRICE)}`);
    expect(plain(card.text)).toContain(`→ after: ${money(1_000_000 - 17 * PRICE)}`);
    expect(card.text).toContain("#6 7000006 (2006)");

    // The provider refuses one of them (whichever it gets first): refunded, and told in the summary.
    h.gametopup.control.failNext("order", { status: 400, body: { status: "error", message: "Saldo tidak cukup", code: 400 } });
    const beforeConfirm = u.messages().length;
    await u.doubleTap(/Confirm/, 20, { messageId: card.message_id });
    const placed = await u.waitForMessage({ match: /orders received/, after: beforeConfirm, timeoutMs: 10_000 });
    expect(plain(placed.text)).toContain(`17 of 17 orders received: Mobile Legends 86 Diamonds, ${money(17 * PRICE)} taken`);
    await u.waitFor(() => u.callbackAnswers().some((a) => /already confirmed/.test(a.text ?? "")), 5_000, "the second tap's answer");

    const summary = await u.waitForMessage({ match: /Bulk top-up settled/, after: beforeConfirm, timeoutMs: 15_000 });

    // 17 orders, each sent once under its own ref_id, each charged once.
    const requests = h.gametopup.control.requests("order");
    expect(requests).toHaveLength(17);
    const refs = new Set(requests.map((r) => (r.body as { ref_id: string }).ref_id));
    expect(refs.size).toBe(17);
    expect(await debits(u.id)).toHaveLength(17);
    expect(new Set((await debits(u.id)).map((d) => d.orderId))).toEqual(refs);
    const bodies = requests.map((r) => r.body as { user_id: string; zone?: string });
    for (const g of good)
      expect(bodies, `line ${g.line}`).toContainEqual(
        expect.objectContaining({ user_id: g.playerId, ...(g.zone ? { zone: g.zone } : {}) }),
      );

    const orders = await Promise.all([...refs].map((id) => h.app.store.orders.get(id)));
    const refused = orders.filter((o) => o?.state === "refunded");
    expect(refused).toHaveLength(1);
    expect(orders.filter((o) => o?.state === "processing")).toHaveLength(16);
    expect(await h.balance(u.id, "IDR")).toBe(1_000_000 - 16 * PRICE);

    expect(summary.text).toMatch(/Mobile Legends 86 Diamonds, 17 lines/);
    expect(summary.text).toContain("Placed: 16");
    const line = good.find((g) => g.playerId === refused[0]!.playerId)!;
    expect(summary.text).toContain(`Refused and refunded: 1 — #${line.line} ${line.playerId}`);
    expect(summary.text).toMatch(/Not placed, nothing charged: 0$/m);

    // One summary, one answer to Confirm, and no "order placed" message per line.
    await sleep(2_500);
    expect(summaries(u)).toHaveLength(1);
    expect(
      u
        .messages()
        .slice(beforeConfirm)
        .filter((m) => /orders received/.test(m.text)),
    ).toHaveLength(1);
    expect(
      u
        .messages()
        .slice(beforeConfirm)
        .filter((m) => /Order R[0-9A-Z]{10}/.test(m.text)),
    ).toEqual([]);
    expect(h.gametopup.control.requests("order")).toHaveLength(17);
  });

  it("a balance covering 10 of 17 pasted lines places the first 10 and names the other 7", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 10 * PRICE + 5_000, "IDR");
    const ids = Array.from({ length: 17 }, (_, i) => `${8100000 + i + 1}`);
    await startTopup(u, /86 Diamonds/);
    // Pasted straight at the player-ID question, without the Bulk button.
    const seen = u.messages().length;
    await u.send(ids.map((id) => `${id} 2001`).join("\n"));
    const card = await u.waitForMessage({ match: /Confirm your bulk top-up/, after: seen });
    expect(
      u
        .messages()
        .slice(seen)
        .some((m) => /left out/.test(m.text)),
    ).toBe(false);
    expect(plain(card.text)).toContain("Your balance covers 10 of the 17 orders");

    const beforeConfirm = u.messages().length;
    await u.press(/Confirm/, { messageId: card.message_id });
    const placed = await u.waitForMessage({ match: /orders received/, after: beforeConfirm, timeoutMs: 10_000 });
    expect(plain(placed.text)).toContain(`10 of 17 orders received: Mobile Legends 86 Diamonds, ${money(10 * PRICE)} taken`);
    const notPlaced = plain(placed.text).split("Not placed (7)")[1]!;
    expect(notPlaced).toMatch(/your balance ran out \(now IDR 5,000\)/);
    for (const [i, id] of ids.entries()) {
      if (i < 10) expect(notPlaced).not.toContain(id);
      else expect(notPlaced).toContain(`#${i + 1} ${id} (2001)`);
    }

    expect(await h.balance(u.id, "IDR")).toBe(5_000);
    expect(await debits(u.id)).toHaveLength(10);

    const summary = await u.waitForMessage({ match: /Bulk top-up settled/, after: beforeConfirm, timeoutMs: 15_000 });
    const sent = h.gametopup.control.requests("order").map((r) => (r.body as { user_id: string }).user_id);
    expect(sent.sort()).toEqual(ids.slice(0, 10).sort());
    // The lines left out left no order behind (not even a failed one).
    const orders = await h.app.store.orders.byUser(u.id, { limit: 100 });
    expect(orders.map((o) => [o.playerId, o.state]).sort()).toEqual(ids.slice(0, 10).map((id) => [id, "processing"]));
    expect(summary.text).toContain("Placed: 10");
    expect(summary.text).toContain(`Not placed, nothing charged: 7 — #11 ${ids[10]} (2001)`);
  });

  it("sends the summary from the next bot process when the one that took Confirm stops (the batch lives in Redis)", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await startTopup(u, /86 Diamonds/);
    await tap(u, /Bulk/);
    await u.waitForMessage({ match: /Bulk top-up/ });
    // Two lines only: gametopup's 30 orders a minute are shared by this file's tests.
    await u.send("7700001 2001\n7700002(2002)");
    const card = await u.waitForMessage({ match: /Confirm your bulk top-up/ });
    h.gametopup.control.setLatency("order", 800);
    const beforeConfirm = u.messages().length;
    await u.press(/Confirm/, { messageId: card.message_id });
    await u.waitForMessage({ match: /2 of 2 orders received/, after: beforeConfirm, timeoutMs: 10_000 });
    // Stopped while the provider is still answering: the summary is left to whichever process comes next.
    await h.restart();
    const summary = await u.waitForMessage({ match: /Bulk top-up settled/, after: beforeConfirm, timeoutMs: 15_000 });
    expect(summary.text).toContain("Placed: 2");
    expect(h.gametopup.control.requests("order")).toHaveLength(2);
    expect(await debits(u.id)).toHaveLength(2);
  });

  it("refuses more lines than BULK_MAX_LINES and takes none of them; Cancel leaves the flow", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 1_000_000, "IDR");
    await startTopup(u, /86 Diamonds/);
    await tap(u, /Bulk/);
    const ask = await u.waitForMessage({ match: /Bulk top-up/ });
    const seen = u.messages().length;
    await u.send(Array.from({ length: MAX_LINES + 1 }, (_, i) => `${9100000 + i}`).join("\n"));
    await u.waitForMessage({ match: /That is 21 lines; one bulk top-up takes at most 20/, after: seen });
    const again: BotMessage = await u.waitForMessage({ match: /Bulk top-up/, after: seen });
    expect(again.message_id).not.toBe(ask.message_id);
    await u.press(/Cancel/, { messageId: again.message_id });
    await u.waitForMessage({ match: /cancel/i, after: seen + 2 });
    expect(h.gametopup.control.requests("order")).toHaveLength(0);
    expect(await debits(u.id)).toHaveLength(0);
  });
});
