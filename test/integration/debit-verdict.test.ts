import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderRecord } from "../../src/store/types.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/**
 * Issue 17.1: a process that stalls between creating an order and debiting it must never leave
 * the order failed and charged. The debit and the sweep's "never charged" verdict hold the
 * order's row lock, so whichever comes first, the other sees it.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("the debit and the sweep's verdict on one order", () => {
  let h: Harness;
  let databaseUrl: string;
  let nextId = 9100;
  beforeAll(async () => {
    databaseUrl = await freshDatabase();
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl });
  });
  afterAll(() => h?.close());

  const s = () => h.app.services;
  const gametopupDraft = async (userId: number) => {
    const product = (await s().catalog.product("gametopup", "1"))!;
    return s().drafts.create(userId, product, await s().catalog.price(product, "member"), { playerId: "12345678", zone: "2001" });
  };
  const stateOf = async (id: string) => (await h.app.store.orders.get(id))?.state;

  it("a debit that lands after the sweep failed the order is refused: nothing taken, nothing sent", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 5_000_000, "IDR");
    const draft = await gametopupDraft(u.id);
    // The process freezes right after creating the order (a stalled VM): the create is held open here.
    const orders = h.app.store.orders;
    const create = orders.create;
    let resume!: () => void;
    const frozen = new Promise<void>((r) => {
      resume = r;
    });
    orders.create = async (order: OrderRecord) => {
      const made = await create.call(orders, order);
      await frozen;
      return made;
    };
    try {
      const accepting = s().orders.accept(draft.id, u.id);
      await waitFor(async () => ((await stateOf(draft.id)) === "pending" ? true : undefined), 2_000, "the order to exist");
      // Another process's sweep finds it pending with no debit.
      await s().orders.sweepInterrupted(0);
      expect(await stateOf(draft.id)).toBe("failed");
      resume();
      const outcome = await accepting;
      expect(outcome.kind).toBe("existing");
      expect(await h.balance(u.id, "IDR")).toBe(5_000_000);
      expect(await h.app.store.ledger.entryByKey(`order:${draft.id}:debit`)).toBeUndefined();
      expect(await stateOf(draft.id)).toBe("failed");
      expect(h.gametopup.control.transactions().some((t) => t.ref_id === draft.id)).toBe(false);
    } finally {
      orders.create = create;
    }
  });

  it("a sweep that runs while the debit is being written waits for it and does not fail a charged order", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 5_000_000, "IDR");
    const draft = await gametopupDraft(u.id);
    // The debit stalls inside its statement: the wallet row is held by another connection.
    const holder = new pg.Client(databaseUrl);
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT balance FROM wallets WHERE user_id = $1 FOR UPDATE", [u.id]);
      const accepting = s().orders.accept(draft.id, u.id);
      await waitFor(async () => ((await stateOf(draft.id)) === "pending" ? true : undefined), 2_000, "the order to exist");
      const sweeping = s().orders.sweepInterrupted(0);
      // Give the sweep every chance to decide while the debit is still uncommitted.
      await new Promise((r) => setTimeout(r, 300));
      await holder.query("COMMIT");
      const [outcome] = await Promise.all([accepting, sweeping]);
      expect(outcome.kind).toBe("accepted");
      const price = draft.price.amount;
      expect(await h.balance(u.id, "IDR")).toBe(5_000_000 - price);
      expect(await stateOf(draft.id)).toBe("pending");
    } finally {
      await holder.end();
    }
  });

  it("/refund returns the money of an order that is failed yet charged", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 5_000_000, "IDR");
    const draft = await gametopupDraft(u.id);
    const accepted = await s().orders.accept(draft.id, u.id);
    expect(accepted.kind).toBe("accepted");
    // The state an earlier release could leave behind: failed, with its debit.
    await h.app.store.orders.transition(draft.id, ["pending"], "failed", { failure: "interrupted_before_charge" });
    expect(await h.balance(u.id, "IDR")).toBe(5_000_000 - draft.price.amount);
    expect(await s().orders.adminRefund(draft.id, 1)).toBe("refunded");
    expect(await h.balance(u.id, "IDR")).toBe(5_000_000);
    expect(await stateOf(draft.id)).toBe("refunded");
    expect(await s().orders.adminRefund(draft.id, 1)).toBe("already");
  });
});
