import { describe, expect, it } from "vitest";
import { actionData } from "../../src/bot/callback-data/actions.js";
import { buyButton, categoriesButton, categoryButton, productButton } from "../../src/bot/callback-data/catalog.js";
import { callbackCodec, fixedCodec, orderId, wholeNumber } from "../../src/bot/callback-data/codec.js";
import { depositAmountButton, depositCancelButton, depositTypedButton } from "../../src/bot/callback-data/deposit.js";
import { flowCancelButton, flowChoiceButton, flowOptionButton, flowSkipButton } from "../../src/bot/callback-data/flow.js";
import { languageButton } from "../../src/bot/callback-data/language.js";
import { lowBalanceClearButton, lowBalanceShowButton } from "../../src/bot/callback-data/low-balance.js";
import {
  buyAgainButton,
  orderViewButton,
  ordersBackButton,
  ordersPageButton,
  receiptButton,
  statementCsvButton,
} from "../../src/bot/callback-data/orders.js";
import { pointsEmailButton } from "../../src/bot/callback-data/points.js";
import { pricelistCsvButton, pricelistPageButton } from "../../src/bot/callback-data/pricelist.js";
import { confirmBatchButton, confirmDraftButton, dropBatchButton, dropDraftButton } from "../../src/bot/callback-data/purchase.js";
import { registrationButton } from "../../src/bot/callback-data/registration.js";
import { forgetCustomerButton } from "../../src/bot/callback-data/customers.js";

const R = "R7KQ2M9XD4T";

describe("callback data codecs", () => {
  // The wire format of buttons already sitting in chats: it must never change.
  it("packs every family exactly as the buttons already in chats carry it, and reads it back", () => {
    const cases: [{ pack(v: never): string; unpack(d: string): unknown }, object, string][] = [
      [categoriesButton, { mode: "t" }, "cs:t"],
      [categoryButton, { mode: "a", index: 2, page: 0 }, "c:a:2:0"],
      [productButton, { mode: "a", provider: "g", sku: "ML86" }, "p:a:g:ML86"],
      [buyButton, { provider: "x", sku: "NETFLIX-1M" }, "b:x:NETFLIX-1M"],
      [confirmDraftButton, { draftId: R }, `ok:${R}`],
      [dropDraftButton, { draftId: R }, `no:${R}`],
      [confirmBatchButton, { batchId: "B0123456789" }, "bk:ok:B0123456789"],
      [dropBatchButton, { batchId: "B0123456789" }, "bk:no:B0123456789"],
      [ordersPageButton, { page: 3 }, "op:3"],
      [orderViewButton, { orderId: R }, `ov:${R}`],
      [receiptButton, { orderId: R }, `rc:${R}`],
      [buyAgainButton, { orderId: R }, `ra:${R}`],
      [pricelistPageButton, { page: 1 }, "pl:1"],
      [lowBalanceClearButton, { currency: "IDR" }, "lb:c:IDR"],
      [languageButton, { locale: "my" }, "lang:my"],
      [forgetCustomerButton, { customerId: 12 }, "sc:f:12"],
      [depositAmountButton, { amount: 50000 }, "dep:n:50000"],
      [depositCancelButton, { depositId: "DABCDEFGHJK" }, "dep:x:DABCDEFGHJK"],
      [registrationButton, { verdict: "appr", userId: 123 }, "appr:123"],
      [registrationButton, { verdict: "rej", userId: 4100 }, "rej:4100"],
      [flowOptionButton, { index: 0 }, "flow:opt:0"],
      [flowChoiceButton, { choice: "5" }, "flow:pick:5"],
    ];
    for (const [codec, value, data] of cases) {
      expect(codec.pack(value as never)).toBe(data);
      expect(codec.unpack(data)).toEqual(value);
    }
    const fixed = [
      ordersBackButton,
      statementCsvButton,
      pricelistCsvButton,
      lowBalanceShowButton,
      depositTypedButton,
      pointsEmailButton,
      flowCancelButton,
      flowSkipButton,
    ];
    expect(fixed.map((c) => c.pack())).toEqual(["ol", "csv", "plcsv", "lb:show", "dep:t", "pts:email", "flow:cancel", "flow:skip"]);
    for (const c of fixed) expect(c.unpack(c.pack())).toEqual({});
  });

  it("keeps families apart: data of one family is not another's", () => {
    expect(confirmDraftButton.unpack("bk:ok:B0123456789")).toBeUndefined();
    expect(categoryButton.unpack("cs:a")).toBeUndefined();
    expect(categoriesButton.unpack("c:a:1:0")).toBeUndefined();
    expect(productButton.unpack("pl:2")).toBeUndefined();
    expect(buyButton.unpack("bk:no:B0123456789")).toBeUndefined();
    expect(lowBalanceClearButton.unpack("lb:show")).toBeUndefined();
    expect(ordersPageButton.unpack("ol")).toBeUndefined();
    expect(statementCsvButton.unpack("plcsv")).toBeUndefined();
    expect(registrationButton.unpack("rc:R7KQ2M9XD4T")).toBeUndefined();
  });

  it("reads garbage as no match, never as a half-filled value", () => {
    expect(confirmDraftButton.unpack("ok:r7kq2m9xd4t")).toBeUndefined();
    expect(confirmDraftButton.unpack(`ok:${R}:extra`)).toBeUndefined();
    expect(confirmDraftButton.unpack("ok:")).toBeUndefined();
    expect(categoryButton.unpack("c:a:1")).toBeUndefined();
    expect(categoryButton.unpack("c:z:1:0")).toBeUndefined();
    expect(ordersPageButton.unpack("op:-1")).toBeUndefined();
    expect(ordersPageButton.unpack("op:1e3")).toBeUndefined();
    expect(registrationButton.unpack("approve:12")).toBeUndefined();
    expect(languageButton.unpack("lang:fr")).toBeUndefined();
    expect(productButton.unpack("p:a:g:")).toBeUndefined();
  });

  it("lets the last field keep the separator (a provider SKU with a colon), as the old pattern did", () => {
    const value = { mode: "t" as const, provider: "g", sku: "ML:86:BR" };
    expect(productButton.pack(value)).toBe("p:t:g:ML:86:BR");
    expect(productButton.unpack("p:t:g:ML:86:BR")).toEqual(value);
  });

  it("refuses to pack a separator in an inner field, garbage, or data over 64 bytes", () => {
    const pair = callbackCodec("x", { a: orderId, b: wholeNumber });
    expect(() => pair.pack({ a: "R7KQ2M9XD4T:1", b: 1 })).toThrow(/does not fit/);
    expect(() => confirmDraftButton.pack({ draftId: "R123" })).toThrow(/does not fit/);
    expect(() => ordersPageButton.pack({ page: -1 })).toThrow(/does not fit/);
    expect(() => ordersPageButton.pack({ page: 1.5 })).toThrow(/does not fit/);
    expect(() => lowBalanceClearButton.pack({ currency: "idr" })).toThrow(/does not fit/);
    expect(() => flowChoiceButton.pack({ choice: "a\nb" })).toThrow(/does not fit/);
    // "b:g:" and 60 bytes of SKU make 64: the most Telegram takes.
    expect(buyButton.fits({ provider: "g", sku: "S".repeat(60) })).toBe(true);
    expect(buyButton.fits({ provider: "g", sku: "S".repeat(61) })).toBe(false);
    expect(() => buyButton.pack({ provider: "g", sku: "S".repeat(61) })).toThrow(/64 bytes/);
    // Bytes, not characters: a multi-byte SKU reaches the limit sooner.
    expect(buyButton.fits({ provider: "g", sku: "é".repeat(30) })).toBe(true);
    expect(buyButton.fits({ provider: "g", sku: "é".repeat(31) })).toBe(false);
    // The product button is two bytes longer than Buy: a SKU may fit one and not the other.
    expect(productButton.fits({ mode: "a", provider: "g", sku: "S".repeat(59) })).toBe(false);
  });

  it("refuses fixed data that is not a short lower-case name, and a codec without fields", () => {
    expect(() => fixedCodec("Bad Data")).toThrow();
    expect(() => fixedCodec("a".repeat(65))).toThrow();
    expect(() => callbackCodec("x", {})).toThrow(/fixedCodec/);
  });

  it("gives each action the domain can put under a message the data its handler reads", () => {
    expect(actionData({ kind: "approve-reseller", userId: 4100 })).toBe("appr:4100");
    expect(actionData({ kind: "reject-reseller", userId: 4101 })).toBe("rej:4101");
    expect(registrationButton.unpack(actionData({ kind: "reject-reseller", userId: 4101 }))).toEqual({ verdict: "rej", userId: 4101 });
    expect(actionData({ kind: "cancel-deposit", depositId: "DABCDEFGHJK" })).toBe("dep:x:DABCDEFGHJK");
    expect(actionData({ kind: "set-points-email" })).toBe("pts:email");
    expect(actionData({ kind: "order-receipt", orderId: R })).toBe(`rc:${R}`);
    expect(actionData({ kind: "buy-again", orderId: R })).toBe(`ra:${R}`);
    expect(() => actionData({ kind: "cancel-deposit", depositId: "not-an-id" })).toThrow(/does not fit/);
  });
});
