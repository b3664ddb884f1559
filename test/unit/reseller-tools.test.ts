import { describe, expect, it } from "vitest";
import { parseLowBalance } from "../../src/bot/features/low-balance.js";
import type { PricedProduct } from "../../src/domain/catalog.js";
import { createLowBalance } from "../../src/domain/low-balance.js";
import type { Notification, Notifier } from "../../src/domain/notifications.js";
import { orderButtons, withOrderButtons } from "../../src/domain/order-buttons.js";
import { majorUnits, priceList, priceListRows, pricePages } from "../../src/domain/pricelist.js";
import { csvLines } from "../../src/lib/csv.js";
import { memoryLowBalance } from "../../src/store/memory/low-balance.js";
import type { LedgerEntry } from "../../src/store/types.js";

const product = (sku: string, category: string, amount: number, extra: Partial<PricedProduct> = {}): PricedProduct => ({
  provider: "gametopup",
  sku,
  name: `P${sku}`,
  category,
  price: { amount, currency: "IDR" },
  inStock: true,
  paused: false,
  input: { kind: "player", zone: "optional" },
  ...extra,
});

function recorder(): Notifier & { sent: Notification[] } {
  const sent: Notification[] = [];
  return { sent, notifyUser: async (n) => void sent.push(n), notifyAdmins: async () => {} };
}

describe("price list", () => {
  const items = priceList([
    product("1", "Mobile", 100),
    product("2", "Console", 200),
    product("3", "Mobile", 300, { paused: true }),
    product("4", "Mobile", 400, { inStock: false }),
  ]);

  it("groups by category in order, leaves paused products out and keeps out-of-stock ones marked", () => {
    expect(items.map((i) => `${i.category}/${i.sku}/${i.inStock}`)).toEqual(["Console/2/true", "Mobile/1/true", "Mobile/4/false"]);
  });

  it("heads a category again on the page after a break", () => {
    const pages = pricePages(items, 2);
    expect(pages.map((p) => p.sections.map((s) => `${s.category}:${s.items.map((i) => i.sku).join("+")}`))).toEqual([
      ["Console:2", "Mobile:1"],
      ["Mobile:4"],
    ]);
    expect(pricePages([], 20)).toEqual([]);
  });

  it("writes prices in whole units and quotes CSV fields that need it", () => {
    expect(majorUnits({ amount: 21_780, currency: "IDR" })).toBe("21780");
    expect(majorUnits({ amount: 1250, currency: "USD" })).toBe("12.50");
    expect(majorUnits({ amount: 5, currency: "USD" })).toBe("0.05");
    const csv = csvLines("h", priceListRows([{ ...items[0]!, name: 'Pack, "big"' }]));
    expect(csv).toBe('h\nConsole,"Pack, ""big""",gametopup:2,200,IDR,yes\n');
  });
});

describe("low-balance alert", () => {
  const entry = (balanceAfter: number, amount: number, id: string, currency = "IDR"): LedgerEntry => ({
    id,
    userId: 7,
    currency,
    amount,
    balanceAfter,
    type: amount < 0 ? "debit" : "credit",
    reason: "t",
    actor: "t",
    key: id,
    at: 0,
  });

  it("fires for the one entry that crosses the level downwards, and again only after a credit re-arms it", async () => {
    const n = recorder();
    const lb = createLowBalance({ thresholds: memoryLowBalance(), notifier: n });
    await lb.set(7, "IDR", 50_000);
    await lb.onEntry(entry(55_000, -5_000, "a")); // still above
    await lb.onEntry(entry(50_000, -5_000, "b")); // at the level is not below it
    await lb.onEntry(entry(49_999, -1, "c")); // crosses
    await lb.onEntry(entry(40_000, -9_999, "d")); // already below
    await lb.onEntry(entry(60_000, 20_000, "e")); // back above
    await lb.onEntry(entry(10_000, -50_000, "f")); // crosses again
    await lb.onEntry(entry(10_000, -50_000, "g", "MMK")); // no level for MMK
    expect(n.sent.map((x) => x.dedupeKey)).toEqual(["lowbal:7:IDR:c", "lowbal:7:IDR:f"]);
    expect(n.sent[0]!.args).toEqual({ balance: { money: [49_999, "IDR"] }, level: { money: [50_000, "IDR"] } });
  });

  it("reads /lowbalance arguments", () => {
    expect(parseLowBalance("")).toEqual({ kind: "show" });
    expect(parseLowBalance(" 50.000  idr ")).toEqual({ kind: "set", amount: "50.000", currency: "IDR" });
    expect(parseLowBalance("50000")).toEqual({ kind: "set", amount: "50000", currency: undefined });
    expect(parseLowBalance("off")).toEqual({ kind: "off", currency: undefined });
    expect(parseLowBalance("OFF mmk")).toEqual({ kind: "off", currency: "MMK" });
    expect(parseLowBalance("1 2 3")).toEqual({ kind: "usage" });
  });
});

describe("order buttons", () => {
  it("offer a receipt for delivered orders and Buy again for every finished one", () => {
    const keys = (state: Parameters<typeof orderButtons>[1]) =>
      orderButtons("R0000000000", state)
        .flat()
        .map((b) => b.key);
    expect(keys("completed")).toEqual(["btn-receipt", "btn-buy-again"]);
    expect(keys("shipped")).toEqual(["btn-receipt", "btn-buy-again"]);
    expect(keys("refunded")).toEqual(["btn-buy-again"]);
    expect(keys("delivery_failed")).toEqual(["btn-buy-again"]);
    expect(keys("processing")).toEqual([]);
    expect(keys("unknown")).toEqual([]);
  });

  it("are added to order pushes only, leaving other messages and given buttons alone", async () => {
    const inner = recorder();
    const n = withOrderButtons(inner);
    await n.notifyUser({ userId: 1, key: "order-completed", args: { orderId: "R1111111111" } });
    await n.notifyUser({ userId: 1, key: "order-cancelled", args: { orderId: "R2222222222" } });
    await n.notifyUser({ userId: 1, key: "wallet-credited", args: { orderId: "R3333333333" } });
    await n.notifyUser({ userId: 1, key: "order-completed", args: { orderId: "R4444444444" }, buttons: [] });
    expect(inner.sent.map((x) => x.buttons?.flat().map((b) => ("action" in b ? b.action : b.url)))).toEqual([
      [
        { kind: "order-receipt", orderId: "R1111111111" },
        { kind: "buy-again", orderId: "R1111111111" },
      ],
      [{ kind: "buy-again", orderId: "R2222222222" }],
      undefined,
      [],
    ]);
  });
});
