import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NotificationJob } from "../../src/jobs/notifier.js";
import { GAMETOPUP_SEED } from "../../src/sandbox/index.js";
import type { Tier } from "../../src/domain/tiers.js";
import type { BotMessage, FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

// 20 more products in a category of their own, so the price list needs a second page.
const VOUCHERS = Array.from({ length: 20 }, (_, i) => ({
  kode: String(100 + i),
  kategori: "Vouchers",
  produk: `Voucher ${i + 1}`,
  harga: 10_000 + i * 1_000,
  catatan: "Cukup masukkan Player ID",
  status: "Aktif" as const,
}));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const orderIdIn = (text: string) => /R[0-9A-Z]{10}/.exec(text)![0];
/** "IDR 21,780" as Intl writes it (a no-break space after the code) → "IDR 21,780". */
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe.skipIf(!redisAvailable || !postgresAvailable)(
  "reseller tools: buy again, receipts, saved customers, price list, low-balance alerts",
  () => {
    let h: Harness;
    let nextId = 11_000;
    beforeAll(async () => {
      h = await startHarness({
        redisUrl: await freshRedisDb(),
        databaseUrl: await freshDatabase(),
        gametopup: { products: [...GAMETOPUP_SEED, ...VOUCHERS] },
      });
    });
    afterAll(() => h?.close());
    beforeEach(async () => {
      h.gametopup.control.reset();
      // The fake's prices are back to the seed: so must our cached catalogue be (a stale cost would sign a wrong order hash).
      await h.app.services.catalog.refresh();
    });

    /** /topup → category → product → Buy, up to the player-ID question. */
    async function toPlayerQuestion(u: FakeUser, product: RegExp, category = /Mobile/): Promise<BotMessage> {
      await u.send("/topup");
      await tap(u, category);
      await tap(u, product);
      await tap(u, /Buy/);
      return u.waitForMessage({ match: /player ID/i });
    }

    /** Types the player (and zone, or Skip) and returns the confirmation card. */
    async function topupCard(
      u: FakeUser,
      player: string,
      zone?: string,
      product = /86 Diamonds/,
      category = /Mobile/,
    ): Promise<BotMessage> {
      await toPlayerQuestion(u, product, category);
      await u.send(player);
      const ask = await u.waitForMessage({ match: /zone/i });
      if (zone) await u.send(zone);
      else await u.press("Skip ⏭", { messageId: ask.message_id });
      return u.waitForMessage({ match: /Confirm your order/ });
    }

    async function confirm(u: FakeUser, card: BotMessage): Promise<string> {
      const seen = u.messages().length;
      await u.press(/Confirm/, { messageId: card.message_id });
      const placed = await u.waitForMessage({ match: /placed/, after: seen });
      return orderIdIn(placed.text);
    }

    /** A top-up placed through the bot and then settled by the provider; returns the order and its push. */
    async function settledOrder(u: FakeUser, player: string, zone: string | undefined, status: "Success" | "Batal", nickname?: string) {
      const orderId = await confirm(u, await topupCard(u, player, zone));
      const trx = (await h.app.store.orders.get(orderId))!.providerOrderId!;
      const seen = u.messages().length;
      h.gametopup.control.setTransactionStatus(trx, status, undefined, nickname);
      const push = await u.waitForMessage({ match: new RegExp(`${orderId}.*(completed|refunded)`, "s"), after: seen, timeoutMs: 10_000 });
      return { orderId, trx, push };
    }

    it("Buy again on a completed order's push: the same player and zone at today's price, charged only on Confirm", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 200_000, "IDR");
      const { push } = await settledOrder(u, "12345678", "2001", "Success", "BudiGamer");
      expect(push.text).toMatch(/completed/);
      expect(u.buttons(push).map((b) => b.text)).toEqual(["🧾 Receipt", "🔁 Buy again"]);

      // Today's price differs from the first order's: the provider's cost and the tier's markup both moved.
      h.gametopup.control.setPrice("1", 25_000);
      await h.app.services.catalog.refresh();
      await h.app.services.priceBook.setMarkup("member", 20);
      try {
        const before = await h.balance(u.id, "IDR");
        await u.press(/Buy again/, { messageId: push.message_id });
        const card = await u.waitForMessage({ match: /Confirm your order/ });
        expect(plain(card.text)).toContain("Price: IDR 30,000");
        expect(card.text).toContain("Player ID: 12345678");
        expect(card.text).toContain("Zone: 2001");
        await sleep(300);
        expect(await h.balance(u.id, "IDR")).toBe(before);
        expect(h.gametopup.control.requests("order")).toHaveLength(1);

        const again = await confirm(u, card);
        const orders = h.gametopup.control.requests("order");
        expect(orders).toHaveLength(2);
        expect(orders[1]!.body).toEqual({ user_id: "12345678", zone: "2001", produk_id: "1", ref_id: again });
        expect(await h.balance(u.id, "IDR")).toBe(before - 30_000);
        expect((await h.app.store.orders.get(again))?.price).toEqual({ amount: 30_000, currency: "IDR" });
      } finally {
        await h.app.services.priceBook.setMarkup("member", 10);
      }
    });

    it("turns the domain's button actions into the data buttons always carried, and still delivers a push queued with ready-made data", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 100_000, "IDR");
      const { orderId, push } = await settledOrder(u, "31313131", "3001", "Success");
      expect(u.buttons(push).map((b) => b.data)).toEqual([`rc:${orderId}`, `ra:${orderId}`]);

      // A job an earlier version queued (its buttons as callback data) goes out after the upgrade as it was.
      const seen = u.messages().length;
      const legacy: NotificationJob = {
        userId: u.id,
        key: "broadcast-message",
        args: { text: "queued before" },
        buttons: [[{ key: "btn-receipt", data: `rc:${orderId}` }]],
      };
      await h.app.queues.add<NotificationJob>("notifications", legacy);
      const old = await u.waitForMessage({ match: /queued before/, after: seen });
      expect(u.buttons(old)).toEqual([{ text: "🧾 Receipt", data: `rc:${orderId}` }]);
      await u.press(/Receipt/, { messageId: old.message_id });
      const receipt = await u.waitForMessage({ match: /Receipt/, after: seen + 1 });
      expect(receipt.text).toContain(orderId);
    });

    it("sends a receipt to forward, with the transaction id and nickname and no cost, price or balance; a failed order offers Buy again only", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 100_000, "IDR");
      const { orderId, trx, push } = await settledOrder(u, "55556666", "8001", "Success", "Siti_Pro");
      const balance = await h.balance(u.id, "IDR");

      await u.press(/Receipt/, { messageId: push.message_id });
      const receipt = await u.waitForMessage({ match: /Receipt/ });
      expect(receipt.text).toContain(trx);
      expect(receipt.text).toContain("Siti_Pro");
      expect(receipt.text).toContain("55556666");
      expect(receipt.text).toContain(orderId);
      expect(receipt.text).toContain("Mobile Legends 86 Diamonds");
      expect(receipt.text).toMatch(/Delivered: .*\d{4}/);
      // Cost Rp 19.800, price Rp 21.780, the balance: none of them, in any writing.
      for (const n of ["19800", "21780", String(balance)]) expect(receipt.text.replace(/[.,\s\u00a0]/g, "")).not.toContain(n);
      // Words, not letters: a random order id such as RPES5D9FTFH holds "RP".
      expect(receipt.text).not.toMatch(/\b(IDR|Rp|price|balance|cost)\b/i);

      // The same two buttons on the order's /orders card.
      await u.send("/orders");
      const list = await u.waitForMessage({ match: /Your orders/ });
      await u.press({ data: `ov:${orderId}` }, { messageId: list.message_id });
      const card = await u.waitForMessage({ match: new RegExp(`Order ${orderId}`) });
      expect(u.buttons(card).map((b) => b.text)).toEqual(["🧾 Receipt", "🔁 Buy again", "⬅️ Back"]);

      // A top-up the provider cancels: refunded, Buy again offered, no receipt.
      const failed = await settledOrder(u, "77778888", undefined, "Batal");
      expect(failed.push.text).toMatch(/refunded/);
      expect(u.buttons(failed.push).map((b) => b.text)).toEqual(["🔁 Buy again"]);

      // A product that was paused since: a clear answer and no card.
      const settings = h.app.services.priceBook;
      await settings.fixPrice("gametopup:1", 100);
      expect(await settings.pauseIfBelow("gametopup:1", 19_800, "test")).toBeDefined();
      try {
        const seen = u.messages().length;
        await u.press(/Buy again/, { messageId: failed.push.message_id });
        await u.waitForMessage({ match: /paused/, after: seen });
        await sleep(200);
        expect(
          u
            .messages()
            .slice(seen)
            .some((m) => /Confirm your order/.test(m.text)),
        ).toBe(false);
      } finally {
        await settings.fixPrice("gametopup:1", null);
      }
    });

    it("offers saved player IDs (newest first, with the nickname) as buttons, uses them, and forgets one", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 200_000, "IDR");
      await settledOrder(u, "11112222", "3003", "Success", "Andi");
      await confirm(u, await topupCard(u, "99990000"));

      const question = await toPlayerQuestion(u, /86 Diamonds/);
      expect(question.text).toMatch(/recent customer/);
      const saved = u.buttons(question).filter((b) => b.text.startsWith("👤"));
      expect(saved.map((b) => b.text)).toEqual(["👤 99990000", "👤 11112222 (3003) · Andi"]);

      // One tap fills the player and the zone: the card comes next, no zone question.
      const seen = u.messages().length;
      await u.press("👤 11112222 (3003) · Andi", { messageId: question.message_id });
      const card = await u.waitForMessage({ match: /Confirm your order/, after: seen });
      expect(
        u
          .messages()
          .slice(seen)
          .some((m) => /zone/i.test(m.text) && !/Confirm/.test(m.text)),
      ).toBe(false);
      expect(card.text).toContain("Player ID: 11112222");
      expect(card.text).toContain("Zone: 3003");
      const orderId = await confirm(u, card);
      expect(h.gametopup.control.requests("order").at(-1)!.body).toEqual({
        user_id: "11112222",
        zone: "3003",
        produk_id: "1",
        ref_id: orderId,
      });

      await u.send("/customers");
      const list = await u.waitForMessage({ match: /Saved customers/ });
      expect(list.text).toContain("Andi");
      await u.press("🗑 11112222 (3003) · Andi", { messageId: list.message_id });
      await u.waitForEdit(list.message_id, { match: /99990000/ });
      expect(u.messages().find((m) => m.message_id === list.message_id)!.text).not.toContain("11112222");

      const after = await toPlayerQuestion(u, /86 Diamonds/);
      expect(
        u
          .buttons(after)
          .filter((b) => b.text.startsWith("👤"))
          .map((b) => b.text),
      ).toEqual(["👤 99990000"]);
      expect((await h.app.services.customers.players(u.id)).map((c) => c.value)).toEqual(["99990000"]);
    });

    it("offers the customer e-mails of earlier subscriptions as buttons", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 100_000, "MMK");
      const toEmailQuestion = async () => {
        await u.send("/products");
        await tap(u, "Music");
        await tap(u, /Spotify Premium 1 Month/);
        await tap(u, /Buy/);
        return u.waitForMessage({ match: /customer's e-mail/ });
      };
      const first = await toEmailQuestion();
      expect(u.buttons(first).some((b) => b.text.startsWith("✉️"))).toBe(false);
      await u.send("Fan@Example.com");
      await u.waitForMessage({ match: /How many/ });
      await u.send("2");
      await confirm(u, await u.waitForMessage({ match: /Confirm your order/ }));

      const second = await toEmailQuestion();
      await u.press("✉️ Fan@example.com", { messageId: second.message_id });
      await u.waitForMessage({ match: /How many/ });
      await u.send("1");
      const card = await u.waitForMessage({ match: /Confirm your order/ });
      expect(card.text).toContain("Customer e-mail: Fan@example.com");
      expect(card.text).toContain("Quantity: 1");
    });

    it("shows /pricelist prices equal to the confirmation card's, in two tiers, paused products left out, paged and as CSV", async () => {
      const settings = h.app.services.priceBook;
      // A fixed price on one sampled product, and a paused one that must not be listed.
      await settings.fixPrice("gametopup:5", 17_000);
      await settings.fixPrice("gametopup:4", 100);
      expect(await settings.pauseIfBelow("gametopup:4", 14_500, "test")).toBeDefined();
      const samples = [
        { name: "Mobile Legends 86 Diamonds", card: (u: FakeUser) => topupCard(u, "12121212", "2001") },
        { name: "Genshin Impact 60 Genesis Crystals", card: (u: FakeUser) => topupCard(u, "80000001", "os_asia", /Genshin/, /PC/) },
        {
          name: "Spotify Premium 1 Month",
          async card(u: FakeUser) {
            await u.send("/products");
            await tap(u, "Music");
            await tap(u, /Spotify Premium 1 Month/);
            await tap(u, /Buy/);
            await u.waitForMessage({ match: /e-mail/ });
            await u.send("buyer@example.com");
            await u.waitForMessage({ match: /How many/ });
            await u.send("1");
            return u.waitForMessage({ match: /Confirm your order/ });
          },
        },
      ];
      try {
        const listed: Record<Tier, Record<string, string>> = { member: {}, reseller: {}, vip: {} };
        for (const tier of ["member", "vip"] as const) {
          const u = await h.reseller(nextId++);
          await h.app.services.resellers.setTier(u.id, tier);
          expect(u.commands().map((c) => c.command)).toEqual(expect.arrayContaining(["pricelist", "customers", "lowbalance"]));
          await u.send("/pricelist");
          const page1 = await u.waitForMessage({ match: /Your prices.*1\/2/ });
          expect(page1.text).not.toContain("PUBG");
          expect(plain(page1.text)).toMatch(/ChatGPT Plus 1 Month · MMK [\d,]+ · out of stock/);
          await u.press("▶️", { messageId: page1.message_id });
          const page2 = await u.waitForEdit(page1.message_id, { match: /2\/2/ });
          // The category cut by the page break is headed again.
          expect(page2.text).toMatch(/Vouchers\nVoucher \d+ · /);
          expect(page2.text).toContain("Voucher 20");
          const lines = [...plain(page1.text).split("\n"), ...plain(page2.text).split("\n")];

          for (const s of samples) {
            const line = lines.find((l) => l.startsWith(`${s.name} · `));
            expect(line, `${s.name} in ${tier}'s list`).toBeDefined();
            const listPrice = line!.slice(s.name.length + 3);
            const card = await s.card(u);
            expect(plain(card.text)).toContain(`Price: ${listPrice}`);
            listed[tier][s.name] = listPrice;
            await u.press(/Cancel/, { messageId: card.message_id });
          }

          const seen = u.messages().length;
          await u.press(/Price list \(CSV\)/, { messageId: page1.message_id });
          const doc = await u.waitFor(() =>
            u
              .messages()
              .slice(seen)
              .find((m) => m.document),
          );
          const rows = String(doc.document!.content).trim().split("\n");
          expect(rows[0]).toBe("category,product,product_id,price,currency,in_stock");
          expect(rows).toHaveLength(1 + 6 + 5 + 20); // xinstitute, gametopup without the paused one, vouchers
          expect(rows).toContain(`PC & Console,Genshin Impact 60 Genesis Crystals,gametopup:5,17000,IDR,yes`);
          expect(rows.some((r) => r.includes("gametopup:4"))).toBe(false);
          const ml = rows.find((r) => r.includes(",gametopup:1,"))!.split(",");
          expect(`IDR ${Number(ml[3]).toLocaleString("en-US")}`).toBe(listed[tier]["Mobile Legends 86 Diamonds"]);
        }
        // The tiers do differ where the markup applies; a fixed price is the same for everyone.
        expect(listed.vip["Mobile Legends 86 Diamonds"]).not.toBe(listed.member["Mobile Legends 86 Diamonds"]);
        expect(listed.vip["Genshin Impact 60 Genesis Crystals"]).toBe("IDR 17,000");
        expect(listed.member["Genshin Impact 60 Genesis Crystals"]).toBe("IDR 17,000");
      } finally {
        await settings.fixPrice("gametopup:5", null);
        await settings.fixPrice("gametopup:4", null);
      }
    });

    it("sends one low-balance alert per crossing: not per order below the level, again after the balance went back above", async () => {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 60_000, "IDR");
      await u.send("/lowbalance 50000 IDR");
      await u.waitForMessage({ match: /Set: .*below IDR\s50,000/ });
      const alerts = () => u.messages().filter((m) => /balance is low/.test(m.text));

      // A purchase takes the wallet from Rp 60.000 to Rp 38.220: across the level.
      const card = await topupCard(u, "31313131", "2001");
      const seen = u.messages().length;
      await confirm(u, card);
      const first = await u.waitForMessage({ match: /balance is low/, after: seen, timeoutMs: 8_000 });
      expect(plain(first.text)).toContain("IDR 38,220");
      expect(plain(first.text)).toContain("IDR 50,000");

      // Five more debits at once, all below the level: nothing more to say.
      const adjust = (amount: number) =>
        h.app.store.ledger.apply({
          userId: u.id,
          currency: "IDR",
          amount,
          type: amount > 0 ? "credit" : "adjustment",
          reason: "test",
          actor: "test",
          key: randomUUID(),
        });
      await Promise.all(Array.from({ length: 5 }, () => adjust(-1_000)));
      // Back above (re-armed), then five concurrent debits of which exactly one crosses.
      await adjust(20_000); // 33.220 + 20.000 = 53.220
      await Promise.all(Array.from({ length: 5 }, () => adjust(-2_000)));
      await u.waitFor(() => alerts().length >= 2 || undefined, 8_000, "the second alert");
      await sleep(2_500);
      expect(alerts()).toHaveLength(2);
      expect(plain(alerts()[1]!.text)).toContain("IDR 49,220");

      await u.send("/balance");
      const bal = await u.waitForMessage({ match: /Your wallet/ });
      await u.press(/Low-balance alert/, { messageId: bal.message_id });
      const view = await u.waitForMessage({ match: /Low-balance alerts/ });
      expect(plain(view.text)).toContain("IDR: when the balance falls below IDR 50,000");
      await u.press(/Remove the IDR alert/, { messageId: view.message_id });
      await u.waitForMessage({ match: /IDR low-balance alert is removed/ });
      expect(await h.app.services.lowBalance.levels(u.id)).toEqual({});
    });
  },
);
