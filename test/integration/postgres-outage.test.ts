import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Timings } from "../../src/app.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startTcpProxy } from "../support/tcp-proxy.js";

const PRICE = 21_780;

/** The bot with its own database reached through a proxy the test can cut, as PostgreSQL going away. */
async function behindProxy(timings?: Timings) {
  const url = new URL(await freshDatabase());
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  const viaProxy = new URL(url);
  viaProxy.port = String(proxy.port);
  const h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: viaProxy.toString(), timings });
  return { h, proxy };
}

async function closeBoth(h: Harness | undefined, proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined) {
  await proxy?.up().catch(() => {});
  await h?.close();
  proxy?.close();
}

/** PostgreSQL goes away mid-shop: nothing may be charged, and the bot must come back by itself. */
describe.skipIf(!postgresAvailable || !redisAvailable)("a PostgreSQL outage", () => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

  beforeAll(async () => {
    ({ h, proxy } = await behindProxy());
  });
  afterAll(() => closeBoth(h, proxy));

  const ready = async () => (await fetch(`${h.url}/readyz`)).status;

  it("refuses a purchase with a clear message and charges nothing, then sells again once it is back", async () => {
    const u = await h.reseller(7301);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirmCard(u);
    expect(await ready()).toBe(200);

    await proxy.down();
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), 10_000, "readyz to report the outage");
    let seen = u.messages().length;
    await tap(u, /Confirm/);
    const refused = await u.waitForMessage({ match: /nothing was charged/, after: seen, timeoutMs: 15_000 });
    expect(refused.text).toMatch(/try again/);
    expect(h.gametopup.control.requests("order")).toHaveLength(0);

    await proxy.up();
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), 15_000, "readyz after the database returns");
    expect(await h.balance(u.id, "IDR")).toBe(100_000);

    // The same card still works: one order, one debit.
    seen = u.messages().length;
    await tap(u, /Confirm/);
    await u.waitForMessage({ match: /placed/, after: seen, timeoutMs: 10_000 });
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  });
});

/** The flood limit runs before any store read: a flood during an outage costs the database nothing. */
describe.skipIf(!postgresAvailable || !redisAvailable)("a flood while PostgreSQL is away", () => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

  beforeAll(async () => {
    ({ h, proxy } = await behindProxy({ flood: { max: 3, windowMs: 10_000 } }));
  });
  afterAll(() => closeBoth(h, proxy));

  it("is dropped before the user lookup: only the allowed updates reach the store", async () => {
    const u = h.telegram.user({ id: 7401, first_name: "Fast", language_code: "en" });
    await proxy.down();
    for (let i = 0; i < 8; i++) await u.send(`hello ${i}`);
    await u.waitFor((m) => m.some((x) => /too fast/.test(x.text)), 10_000, "the flood warning");
    await new Promise((r) => setTimeout(r, 500));
    const texts = u.messages().map((m) => m.text);
    expect(texts.filter((t) => /nothing was charged/.test(t))).toHaveLength(3);
    expect(texts.filter((t) => /too fast/.test(t))).toHaveLength(1);
    expect(texts).toHaveLength(4);
  });
});
