import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GATED_BUTTONS, GATED_COMMANDS } from "../../src/bot/filters/reseller.js";
import type { UserStatus } from "../../src/domain/reseller-status.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { pendingOrder } from "../support/fixtures.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, tap, type Harness } from "../support/harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status lines from locales/en/bot.ftl (start-pending, start-banned), word for word. */
const REFUSAL: Record<"pending" | "banned", string> = {
  pending: "Your reseller account is waiting for approval. We will message you as soon as an admin approves it.",
  banned: "Your account is suspended. Contact the operator.",
};

/** What a user of this status has that a feature could read or change, if it were reached. */
interface World {
  orderId: string;
  draftId: string;
  batchId: string;
  customerId: number;
}

/** Every reseller command, with arguments that would make it act. */
const COMMANDS = (w: World) => [
  "/products",
  "/topup",
  `/status ${w.orderId}`,
  "/balance",
  "/orders",
  "/pricelist",
  "/customers",
  "/lowbalance",
  "/lowbalance 90000 IDR",
  "/lowbalance off",
  "/deposit",
  "/points",
  "/license XS-ABC-DEF-GHI",
  "/api",
  "/api url https://shop.example/hooks",
  "/api ips 203.0.113.0/24",
  "/referral",
];

/** Every reseller button, with data that would make it act on this user's own things. */
const BUTTONS = (w: World) => [
  "cs:a",
  "c:t:0:0",
  "p:t:g:1",
  "b:g:1",
  `ok:${w.draftId}`,
  `no:${w.draftId}`,
  `bk:ok:${w.batchId}`,
  `bk:no:${w.batchId}`,
  `pc:${w.draftId}`,
  `bk:pc:${w.batchId}`,
  `sc:f:${w.customerId}`,
  "dep:n:50000",
  "dep:t",
  "dep:x:D0000000000",
  "dep:tr",
  "lb:show",
  "lb:c:IDR",
  "op:0",
  `ov:${w.orderId}`,
  "ol",
  "csv",
  `rc:${w.orderId}`,
  `ra:${w.orderId}`,
  "pts:email",
  "pl:0",
  "plcsv",
  "api:create",
  "api:rotate-yes",
  "api:revoke-yes",
  "api:notify",
];

const EXAMPLE: World = { orderId: "R0000000000", draftId: "R0000000001", batchId: "B0000000000", customerId: 1 };

describe("the reseller gate's table covers every gated command and button", () => {
  it("has a row for each command and each button family behind the gate", () => {
    const commands = COMMANDS(EXAMPLE).map((c) => c.slice(1).split(" ")[0]);
    expect(new Set(commands)).toEqual(new Set(GATED_COMMANDS));
    for (const codec of GATED_BUTTONS) expect(BUTTONS(EXAMPLE).some((d) => codec.unpack(d) !== undefined)).toBe(true);
    for (const d of BUTTONS(EXAMPLE)) expect(GATED_BUTTONS.some((codec) => codec.unpack(d) !== undefined)).toBe(true);
  });

  it("leaves no button family of src/bot/callback-data out of the gate but the open ones", async () => {
    // Open: the language picker, the admins' registration and refund-confirmation buttons (the
    // admin console's own gate), and a flow's own buttons (only a running flow reads them; the
    // flows check at the step that acts). Support: a ticket's Close is the team's (the admin
    // gate), and Support under /help is for pending registrants too (features/support).
    const open = new Set([
      "languageButton",
      "registrationButton",
      "ticketCloseButton",
      "supportAskButton",
      "refundConfirmButton",
      "flowCancelButton",
      "flowSkipButton",
      "flowOptionButton",
      "flowChoiceButton",
      // A transfer deposit's review buttons (the admin console's gate) and the transfer flow's currency pick.
      "transferReviewButton",
      "transferReasonButton",
      "transferReviewCodec",
      "transferCurrencyButton",
    ]);
    const dir = fileURLToPath(new URL("../../src/bot/callback-data/", import.meta.url));
    const ungated: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const mod: Record<string, unknown> = await import(`${dir}${file}`);
      for (const [name, value] of Object.entries(mod)) {
        const isCodec = typeof value === "object" && value !== null && "unpack" in value && "pack" in value;
        if (isCodec && !open.has(name) && !GATED_BUTTONS.includes(value as never)) ungated.push(`${file}: ${name}`);
      }
    }
    expect(ungated).toEqual([]);
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)(
  "pending and banned users at the reseller features (real PostgreSQL and Redis)",
  () => {
    let h: Harness;
    let redis: Redis;
    let nextId = 8500;
    beforeAll(async () => {
      const redisUrl = await freshRedisDb();
      redis = new Redis(redisUrl);
      h = await startHarness({ redisUrl, databaseUrl: await freshDatabase(), env: { VIFOX_POINTS_PER_ORDER: "10" } });
    });
    afterAll(async () => {
      redis?.disconnect();
      await h?.close();
    });
    const s = () => h.app.services;

    /** A user of this status who has an order, a draft, a bulk batch, a saved customer, a low-balance level and an e-mail. */
    async function userWithThings(status: UserStatus): Promise<{ u: FakeUser; w: World }> {
      const u = await h.reseller(nextId++);
      await h.credit(u.id, 100_000, "IDR");
      const product = (await s().catalog.product("gametopup", "1"))!;
      const price = await s().catalog.price(product, "member");
      const order = { ...pendingOrder(`R${String(u.id).padStart(10, "0")}`, u.id), state: "completed" as const };
      await h.app.store.orders.create(order);
      const draft = await s().drafts.create(u.id, product, price, { playerId: "12345678", zone: "2001" });
      const { batch } = await s().bulk.quote(u.id, product, [{ line: 1, playerId: "22345678", zone: "2001" }]);
      await h.app.store.customers.remember({ userId: u.id, kind: "player", value: "32345678", zone: "2001", usedAt: Date.now() }, 8);
      const [customer] = await s().customers.players(u.id);
      await s().lowBalance.set(u.id, "IDR", 50_000);
      await h.app.store.users.patch(u.id, { email: `gate${u.id}@example.com`, pointsRegisteredAt: Date.now() });
      await s().resellers.setStatus(u.id, status);
      // A bot message to press buttons on, and the proof the status took.
      await u.send("/start");
      await u.waitForMessage({ match: status === "banned" ? /suspended/ : /waiting for approval/ });
      return { u, w: { orderId: order.id, draftId: draft.id, batchId: batch.id, customerId: customer!.id } };
    }

    /** Everything the features could have read, changed or called. */
    async function snapshot(u: FakeUser, w: World) {
      const calls = {
        gametopup: h.gametopup.control.requests().length,
        xinstitute: h.xinstitute.control.requests().length,
        xen: h.xen.control.requests().length,
        vifox: h.vifox.control.requests().length,
        xpay: h.xpay.control.requests().length,
      };
      return {
        calls,
        user: await h.app.store.users.get(u.id),
        orders: await h.app.store.orders.countByUser(u.id),
        order: await h.app.store.orders.get(w.orderId),
        draft: await s().drafts.get(w.draftId),
        batch: await s().bulk.get(w.batchId),
        customers: await s().customers.players(u.id),
        lowBalance: await s().lowBalance.levels(u.id),
        balance: await h.balance(u.id, "IDR"),
        drafts: (await redis.keys("rb:draft:*")).length,
        deposits: await h.app.store.deposits.byUser(u.id),
        edits: u.messages().map((m) => m.edits),
      };
    }

    /** Sends or presses, then checks: exactly the status line came back, and nothing else changed. */
    async function expectRefused(u: FakeUser, w: World, status: "pending" | "banned", act: () => void, isButton: boolean) {
      const before = await snapshot(u, w);
      const sent = u.messages().length;
      const answered = u.callbackAnswers().length;
      act();
      await u.waitForMessage({ after: sent });
      // Whatever else the update would do (an edit, a second message, a job) comes within this.
      await sleep(300);
      expect(
        u
          .messages()
          .slice(sent)
          .map((m) => m.text),
      ).toEqual([REFUSAL[status]]);
      if (isButton) expect(u.callbackAnswers().slice(answered)).toHaveLength(1);
      expect(await snapshot(u, w)).toEqual({ ...before, edits: [...before.edits, 0] });
      // No flow was entered: a plain answer (an e-mail, a player id) is not taken by any.
      const next = u.messages().length;
      await u.send(`gate${u.id}@example.org`);
      const answer = await u.waitForMessage({ after: next });
      expect(answer.text).toBe("Send /help to see what I can do.");
      expect((await h.app.store.users.get(u.id))?.email).toBe(before.user?.email);
    }

    for (const status of ["pending", "banned"] as const) {
      describe(`a ${status} user`, () => {
        let u: FakeUser;
        let w: World;
        beforeAll(async () => {
          ({ u, w } = await userWithThings(status));
        });

        for (const command of COMMANDS(EXAMPLE)) {
          const name = command.split(" ")[0];
          it(`${name}${command.includes(" ") ? " …" : ""}: the status line, nothing else`, async () => {
            const text = COMMANDS(w).find((c) => c.split(" ")[0] === name && c.split(" ").length === command.split(" ").length)!;
            await expectRefused(u, w, status, () => void u.send(text), false);
          });
        }
        for (const [i, example] of BUTTONS(EXAMPLE).entries()) {
          it(`button ${example.replace(/[RB]0{9}\d/, "…")}: the status line, nothing else`, async () => {
            const data = BUTTONS(w)[i]!;
            await expectRefused(u, w, status, () => void u.pressData(data), true);
          });
        }
      });
    }

    describe("a reseller banned in the middle of a flow", () => {
      it("the e-mail for points: refused at the step that would send it to vifox", async () => {
        const u = await h.reseller(nextId++);
        await u.send("/points");
        await u.waitForMessage({ match: /Send me your own e-mail address/ });
        const registrations = h.vifox.control.requests("users").length;
        await s().resellers.setStatus(u.id, "banned");
        const seen = u.messages().length;
        await u.send(`banned${u.id}@example.com`);
        await u.waitForMessage({ after: seen });
        await sleep(500);
        expect(
          u
            .messages()
            .slice(seen)
            .map((m) => m.text),
        ).toEqual([REFUSAL.banned]);
        expect((await h.app.store.users.get(u.id))?.email).toBeUndefined();
        expect(h.vifox.control.requests("users").length).toBe(registrations);
      });

      it("a top-up: refused at the step that would make the draft", async () => {
        const u = await h.reseller(nextId++);
        await h.credit(u.id, 100_000, "IDR");
        await startTopup(u, /86 Diamonds/);
        await u.send("12345678");
        await u.waitForMessage({ match: /zone/i });
        const drafts = (await redis.keys("rb:draft:*")).length;
        await s().resellers.setStatus(u.id, "banned");
        const seen = u.messages().length;
        await u.send("2001");
        await u.waitForMessage({ after: seen });
        await sleep(300);
        expect(
          u
            .messages()
            .slice(seen)
            .map((m) => m.text),
        ).toEqual([REFUSAL.banned]);
        expect((await redis.keys("rb:draft:*")).length).toBe(drafts);
      });

      it("a bulk top-up: refused at the step that would make the batch and its drafts", async () => {
        const u = await h.reseller(nextId++);
        await h.credit(u.id, 100_000, "IDR");
        await startTopup(u, /86 Diamonds/);
        await tap(u, /Bulk/);
        await u.waitForMessage({ match: /Bulk top-up/ });
        const keys = (await redis.keys("rb:draft:*")).length + (await redis.keys("rb:bulk:*")).length;
        await s().resellers.setStatus(u.id, "banned");
        const seen = u.messages().length;
        await u.send("12345678 2001\n22345678 2001");
        await u.waitForMessage({ after: seen });
        await sleep(300);
        expect(
          u
            .messages()
            .slice(seen)
            .map((m) => m.text),
        ).toEqual([REFUSAL.banned]);
        expect((await redis.keys("rb:draft:*")).length + (await redis.keys("rb:bulk:*")).length).toBe(keys);
      });
    });

    it("keeps /start, /help, /language and /cancel open to a pending user", async () => {
      const { u } = await userWithThings("pending");
      await u.send("/help");
      await u.waitForMessage({ match: /Until then you can use \/language and \/help/ });
      await u.send("/language");
      await u.waitForMessage({ match: /language/i });
      await u.press({ data: "lang:id" });
      await u.waitFor((m) => m.some((x) => x.text === "Bahasa diatur ke Bahasa Indonesia."), 5000, "the language set");
      await u.send("/cancel");
      await u.waitForMessage({ match: "Tidak ada yang perlu dibatalkan." });
    });
  },
);
