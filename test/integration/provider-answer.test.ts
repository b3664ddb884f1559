import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/**
 * Issue 17.2: once the provider has answered, its order id is on our record before anything
 * else can fail. gametopup's status endpoint only knows its own order_id, so an order that lost
 * it could never be reconciled.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("the provider's answer when settling it fails", () => {
  let h: Harness;
  let db: pg.Client;
  beforeAll(async () => {
    const databaseUrl = await freshDatabase();
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl, timings: { reconcileDelaysMs: [200, 400] } });
    db = new pg.Client(databaseUrl);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await h?.close();
  });

  it("keeps the provider's id when the state change after the answer fails, and reconciliation finds the order by it", async () => {
    const s = h.app.services;
    const u = await h.reseller(9401);
    await h.credit(u.id, 100_000, "IDR");
    const product = (await s.catalog.product("gametopup", "1"))!;
    const draft = await s.drafts.create(u.id, product, await s.catalog.price(product, "member"), { playerId: "12345678", zone: "2001" });
    // A real PostgreSQL error on exactly the transition out of pending (as a reset connection would give).
    await db.query(`CREATE FUNCTION refuse_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'connection reset (test)'; END $$`);
    await db.query(`CREATE TRIGGER refuse_move BEFORE UPDATE ON orders FOR EACH ROW
      WHEN (OLD.state = 'pending' AND NEW.state <> 'pending' AND OLD.id = '${draft.id}') EXECUTE FUNCTION refuse_move()`);
    try {
      const outcome = await s.orders.place(draft.id, u.id);
      expect(outcome.kind).toBe("unknown");
    } catch {
      // Marking it unknown is a move out of pending too, refused the same way: the sweep resolves it.
    }
    const [trx] = h.gametopup.control.transactions().filter((t) => t.ref_id === draft.id);
    expect(trx).toBeDefined();
    expect((await h.app.store.orders.get(draft.id))?.providerOrderId).toBe(trx!.order_id);

    // The database is well again; the sweep and reconciliation ask gametopup by its own id.
    await db.query("DROP TRIGGER refuse_move ON orders");
    if ((await h.app.store.orders.get(draft.id))?.state === "pending") await s.orders.sweepInterrupted(0);
    h.gametopup.control.setTransactionStatus(trx!.order_id, "Success", "ok", "Nick");
    await waitFor(
      async () => ((await h.app.store.orders.get(draft.id))?.state === "completed" ? true : undefined),
      8_000,
      "reconciliation to find the order completed",
    );
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - draft.price.amount);
  });
});
