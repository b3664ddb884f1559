import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Mobile Legends 86 Diamonds at the fake gametopup, as /price and the price list name it. */
const PRODUCT = "gametopup:1";

/** The admin sends a command and waits for the answer that matches. */
async function admin(h: Harness, text: string, match: RegExp) {
  const seen = h.admin.messages().length;
  await h.admin.send(text);
  return h.admin.waitForMessage({ match, after: seen });
}

/** Presses Confirm on the card open in the chat and resolves with the answer. */
async function confirm(u: FakeUser) {
  const seen = u.messages().length;
  await tap(u, /Confirm/);
  return u.waitForMessage({ match: /maintenance|received/, after: seen });
}

/** The game catalogue's first message as `u` sees it (a chat of its own: its buttons would race a walk to a card). */
async function gameCatalogue(u: FakeUser) {
  const seen = u.messages().length;
  await u.send("/topup");
  return u.waitForMessage({ match: /choose a game/, after: seen });
}

/**
 * An active reseller stored directly: h.reseller() registers, and the admin's "new reseller"
 * alert (with its buttons) would land in the middle of the admin's own walk to a card.
 */
async function quietReseller(h: Harness, id: number, teamRole?: "support"): Promise<FakeUser> {
  const user = h.telegram.user({ id, first_name: `Reseller${id}`, language_code: "en" });
  await h.app.store.users.createIfAbsent({
    id,
    firstName: `Reseller${id}`,
    telegramLanguage: "en",
    status: "active",
    tier: "member",
    createdAt: Date.now(),
    ...(teamRole ? { teamRole } : {}),
  });
  return user;
}

/** SPEC §5 maintenance through the bot: a card opened before maintenance is refused at Confirm, with the note. */
describe.skipIf(!redisAvailable || !postgresAvailable)("maintenance (fake Bot API, real PostgreSQL and Redis)", () => {
  let h: Harness;
  let nextId = 8100;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), timings: { pollDelaysMs: [600_000] } });
  });
  afterAll(() => h?.close());
  // A test that fails half-way must not leave the next one in maintenance.
  beforeEach(async () => {
    for (const e of await h.app.store.maintenance.list()) await h.app.store.maintenance.clear(e.scope, e.target);
  });

  const cases = [
    {
      what: "the product",
      on: `/maintenance ${PRODUCT} on price check until 10:00`,
      off: `/maintenance ${PRODUCT} off`,
      note: "price check until 10:00",
      says: /This product is under maintenance/,
    },
    {
      what: "its provider",
      on: "/maintenance gametopup on server move",
      off: "/maintenance gametopup off",
      note: "server move",
      says: /provider is under maintenance/,
    },
    {
      what: "the whole bot",
      on: "/maintenance on back at 14:00 & soon",
      off: "/maintenance off",
      note: "back at 14:00 & soon",
      says: /The bot is under maintenance/,
    },
  ];
  for (const c of cases) {
    it(`refuses a card opened before ${c.what} went into maintenance, with the note; nothing charged, no order`, async () => {
      const u = await quietReseller(h, nextId++);
      await h.credit(u.id, 100_000, "IDR");
      await toConfirmCard(u);
      const sent = h.gametopup.control.requests("order").length;
      await admin(h, c.on, /is in maintenance now/);
      const told = await confirm(u);
      expect(told.text).toMatch(c.says);
      expect(told.text).toContain(c.note);
      if (c.what === "the whole bot") {
        // Resellers are told it, with the note, as soon as they open the catalogue.
        const banner = await gameCatalogue(await quietReseller(h, nextId++));
        expect(banner.text).toMatch(/The bot is under maintenance[\s\S]*choose a game/);
        expect(banner.text).toContain(c.note);
      }
      expect(await h.balance(u.id, "IDR")).toBe(100_000);
      expect(await h.app.store.orders.byUser(u.id)).toEqual([]);
      expect(h.gametopup.control.requests("order")).toHaveLength(sent);

      await admin(h, c.off, /is out of maintenance/);
      await toConfirmCard(u);
      expect((await confirm(u)).text).toMatch(/received/);
      expect(await h.app.store.orders.byUser(u.id)).toHaveLength(1);

      // Buy again goes through the same check, before any card.
      await admin(h, c.on, /is in maintenance now/);
      const [order] = await h.app.store.orders.byUser(u.id);
      expect(await h.app.services.reorder(order!.id, u.id)).toMatchObject({
        kind: "blocked",
        reason: "maintenance",
        maintenance: { note: c.note },
      });
      await admin(h, c.off, /is out of maintenance/);
    });
  }

  it("lets the team buy through a whole-bot maintenance, but not a product in maintenance", async () => {
    await h.credit(h.admin.id, 100_000, "IDR");
    await admin(h, "/maintenance on upgrade", /is in maintenance now/);
    // Anyone with a team role keeps working too: no banner for them.
    const member = await quietReseller(h, nextId++, "support");
    expect((await gameCatalogue(member)).text).not.toMatch(/under maintenance/);
    expect((await gameCatalogue(await quietReseller(h, nextId++))).text).toMatch(/under maintenance[\s\S]*upgrade/);
    await toConfirmCard(h.admin);
    expect((await confirm(h.admin)).text).toMatch(/received/);
    await toConfirmCard(h.admin);
    await admin(h, `/maintenance ${PRODUCT} on stock count`, /is in maintenance now/);
    const told = await confirm(h.admin);
    expect(told.text).toMatch(/This product is under maintenance[\s\S]*stock count/);
    await admin(h, `/maintenance ${PRODUCT} off`, /is out of maintenance/);
    await admin(h, "/maintenance off", /is out of maintenance/);
  });

  it("shows a product in maintenance as unavailable (🛠 and the note) in the catalogue and the price list", async () => {
    const u = await quietReseller(h, nextId++);
    await admin(h, `/maintenance ${PRODUCT} on restock`, /is in maintenance now/);
    await u.send("/topup");
    await tap(u, /Mobile/);
    await u.waitFor(() => u.buttons().some((b) => /🛠 .*86 Diamonds/.test(b.text)), 5000, "the 🛠 button");
    await tap(u, /86 Diamonds/);
    const card = await u.waitFor((all) => all.find((m) => /under maintenance/.test(m.text)), 5000, "the product card in maintenance");
    expect(card.text).toContain("restock");
    expect(u.buttons().some((b) => /Buy/.test(b.text))).toBe(false);

    const seen = u.messages().length;
    await u.send("/pricelist");
    const list = await u.waitForMessage({ match: /86 Diamonds/, after: seen });
    expect(list.text).toMatch(/🛠 [^\n]*86 Diamonds · under maintenance: restock/);
    await admin(h, `/maintenance ${PRODUCT} off`, /is out of maintenance/);
  });

  it("lists what is in maintenance with note, who and since; refuses bad forms with one usage line", async () => {
    await admin(h, "/maintenance", /Nothing is in maintenance/);
    await admin(h, "/maintenance xinstitute on invoice run", /Provider xinstitute is in maintenance now/);
    const list = await admin(h, "/maintenance", /In maintenance/);
    expect(list.text).toMatch(/🛠 Provider xinstitute · since .+ · set by 1\n +invoice run/);
    const providers = await admin(h, "/providers", /Providers/);
    expect(providers.text).toMatch(/xinstitute[^\n]*\n(?:[^\n]*\n)*?🛠 In maintenance \(set by hand/);

    const audit = await h.app.store.audit.recent(1);
    expect(audit[0]).toMatchObject({ actor: 1, action: "maintenance", target: "provider:xinstitute" });
    for (const bad of ["/maintenance maybe", "/maintenance xinstitute", "/maintenance gametopup:1 perhaps"]) {
      const told = await admin(h, bad, /Usage: \/maintenance/);
      expect(told.text.split("\n")).toHaveLength(1);
    }
    await admin(h, "/maintenance nosuch on", /not an enabled provider/);
    await admin(h, "/maintenance gametopup:nosuch on", /No product/);
    await admin(h, "/maintenance gametopup off", /was not in maintenance/);
    expect((await h.app.services.maintenance.view()).entries.map((e) => e.target)).toEqual(["xinstitute"]);
    await admin(h, "/maintenance xinstitute off", /is out of maintenance/);
  });

  it("is the same in every process: maintenance set in one is enforced in the other", async () => {
    const other = await h.another();
    const u = await quietReseller(h, nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const s = h.app.services;
    const product = (await s.catalog.product("gametopup", "1"))!;
    const draft = await s.drafts.create(u.id, product, await s.catalog.price(product, "member"), { playerId: "12345678", zone: "2001" });
    await other.services.maintenance.change(1, { scope: "product", target: PRODUCT, on: true, note: "from the other process" });
    expect(await s.orders.accept(draft.id, u.id)).toEqual({
      kind: "blocked",
      reason: "maintenance",
      maintenance: { scope: "product", target: PRODUCT, note: "from the other process", auto: false },
    });
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
    await other.services.maintenance.change(1, { scope: "product", target: PRODUCT, on: false });
    expect((await s.orders.accept(draft.id, u.id)).kind).toBe("accepted");
  });
});
