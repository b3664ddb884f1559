import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../../support/bot-process.js";
import { tap, startTopup } from "../../support/harness.js";
import { freshDatabase, postgresAvailable } from "../../support/postgres.js";
import { waitFor } from "../../support/process.js";
import { freshRedisDb, redisAvailable } from "../../support/redis.js";

const PRICE = 21_780;

/**
 * The bot process is killed (SIGKILL: no shutdown code runs) after gametopup accepted an order and
 * before its answer arrived. BullMQ notices the dead placement only once its lock expires (10 s,
 * checked every 5 s): a real wait, which is why this file is in `npm run test:faults`.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("SIGKILL while the provider's answer is on its way", () => {
  let p: Awaited<ReturnType<typeof startBotProcess>>;
  beforeAll(async () => {
    p = await startBotProcess({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      token: "123456:SIGKILL-token-abcdefghijklmnopqrstuv",
      timings: { sweep: { everyMs: 500, interruptedAfterMs: 1_000, orphanQuietMs: 500 }, reconcileDelaysMs: [200, 500, 1_000] },
    });
    await p.start();
  }, 60_000);
  afterAll(() => p?.close());

  it("leaves one provider order and one debit; admins and the reseller are told; reconciliation asks the provider", async () => {
    const u = await p.reseller(6101);
    await p.credit(u.id, 100_000, "IDR", "sigkill-credit");
    await startTopup(u, /86 Diamonds/);
    await u.send("12345678");
    await u.waitForMessage({ match: /zone/i });
    await u.send("2001");
    await u.waitForMessage({ match: /Confirm your order/ });

    // The provider takes the order at once and holds its answer long past the kill.
    p.gametopup.control.failNext("order", { answerAfterMs: 60_000 });
    let seen = u.messages().length;
    await tap(u, /Confirm/);
    const received = await u.waitForMessage({ match: /received/, after: seen, timeoutMs: 10_000 });
    const orderId = /R[0-9A-Z]{10}/.exec(received.text)![0];
    await waitFor(
      async () => (p.gametopup.control.transactions().length === 1 ? true : undefined),
      10_000,
      "the provider to accept the order",
    );
    expect((await p.store.orders.get(orderId))?.state).toBe("pending");

    await p.kill("SIGKILL");
    seen = u.messages().length;
    const adminSeen = p.admin.messages().length;
    await p.start();

    // Swept to unknown once the dead placement is noticed; the admins hear of it...
    await p.admin.waitForMessage({ match: new RegExp(`${orderId}[\\s\\S]*unknown outcome`), after: adminSeen, timeoutMs: 90_000 });
    // ...and so does the reseller, who was only told "received".
    const told = await u.waitForMessage({ match: new RegExp(orderId), after: seen, timeoutMs: 10_000 });
    expect(told.text).toMatch(/checking with the provider/);

    // Reconciliation asks gametopup by our ref_id, the only id we have (README: assumptions).
    await waitFor(
      async () =>
        p.gametopup.control.requests("status").some((r) => (r.body as { trx_id?: string })?.trx_id === orderId) ? true : undefined,
      10_000,
      "a status request by ref_id",
    );

    const order = (await p.store.orders.get(orderId))!;
    expect(order.state).toBe("unknown");
    expect(p.gametopup.control.requests("order")).toHaveLength(1);
    expect(p.gametopup.control.transactions()).toHaveLength(1);
    expect(await p.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    const debits = (await p.store.ledger.entries(u.id, { limit: 20 })).filter((e) => e.type === "debit");
    expect(debits).toHaveLength(1);
    expect(await p.store.reports.ledgerCheck()).toEqual([]);
    // The restarted process is healthy and still serves the reseller.
    expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    seen = u.messages().length;
    await u.send("/balance");
    expect((await u.waitForMessage({ match: /wallet/i, after: seen, timeoutMs: 10_000 })).text).toContain("78,220");
  }, 150_000);
});
