import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { slipOf } from "../../src/bot/conversations/transfer-slip.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { parsePayeeArgs } from "../../src/bot/features/admin/payees.js";
import { reasonArg } from "../../src/domain/deposits/transfers.js";

const msg = (m: Partial<Message>) => ({ message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "a" }, ...m }) as Message;
const doc = (mime_type: string, file_size: number, file_name = "slip") => ({
  document: { file_id: "f", file_unique_id: "u", mime_type, file_size, file_name },
});

describe("what a reseller sends as a slip", () => {
  it("takes a photo's largest size, or an image file", () => {
    const photo = msg({
      photo: [
        { file_id: "small", file_unique_id: "us", width: 90, height: 60 },
        { file_id: "big", file_unique_id: "ub", width: 1280, height: 960 },
      ],
    });
    expect(slipOf(photo)).toEqual({ ok: true, slip: { fileId: "big", fileUniqueId: "ub", kind: "photo" } });
    expect(slipOf(msg(doc("image/jpeg", 2_000_000)))).toEqual({ ok: true, slip: { fileId: "f", fileUniqueId: "u", kind: "document" } });
  });

  it("names what is wrong with everything else", () => {
    expect(slipOf(msg({ text: "paid" }))).toEqual({ ok: false, reason: "text" });
    expect(slipOf(msg(doc("application/pdf", 1000)))).toEqual({ ok: false, reason: "pdf" });
    expect(slipOf(msg(doc("application/octet-stream", 1000, "slip.PDF")))).toEqual({ ok: false, reason: "pdf" });
    expect(slipOf(msg(doc("image/png", 30 * 1024 * 1024)))).toEqual({ ok: false, reason: "too_big" });
    expect(slipOf(msg(doc("text/plain", 10)))).toEqual({ ok: false, reason: "not_image" });
    expect(
      slipOf(
        msg({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }),
      ),
    ).toEqual({
      ok: false,
      reason: "sticker",
    });
    expect(slipOf(msg({ location: { latitude: 0, longitude: 0 } }))).toEqual({ ok: false, reason: "other" });
    expect(slipOf(undefined)).toEqual({ ok: false, reason: "other" });
  });
});

describe("/payee arguments", () => {
  it("reads add, list and remove", () => {
    expect(parsePayeeArgs("")).toEqual({ ok: true, value: { op: "list" } });
    expect(parsePayeeArgs("list")).toEqual({ ok: true, value: { op: "list" } });
    expect(parsePayeeArgs("add idr BCA 1234567890 a.n. PT Contoh")).toEqual({
      ok: true,
      value: { op: "add", currency: "IDR", label: "BCA", details: "1234567890 a.n. PT Contoh" },
    });
    expect(parsePayeeArgs("remove 3")).toEqual({ ok: true, value: { op: "remove", id: 3 } });
  });

  it("refuses the wrong shapes", () => {
    for (const bad of ["add IDR BCA", "add IDR", "remove", "remove x", "remove 1 2", "list all", "delete 1"])
      expect(parsePayeeArgs(bad).ok, bad).toBe(false);
    expect(parsePayeeArgs("add XYZ BCA 123")).toMatchObject({ ok: false, error: { key: "admin-bad-currency" } });
    expect(parsePayeeArgs(`add IDR BCA ${"9".repeat(400)}`)).toMatchObject({ ok: false, error: { key: "payee-too-long" } });
  });
});

describe("a rejection's reason", () => {
  it("is a preset's message, or the reviewer's own words", () => {
    expect(reasonArg("preset:not_received")).toEqual({ t: "transfer-reason-not-received" });
    expect(reasonArg("preset:wrong_amount")).toEqual({ t: "transfer-reason-wrong-amount" });
    expect(reasonArg("the name differs")).toBe("the name differs");
    expect(reasonArg(undefined)).toBe("-");
  });
});

describe("TRANSFER_LIMITS", () => {
  const load = (env: Record<string, string>) => loadConfig({ BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz", ...env });
  it("reads bounds per currency in whole units, with a default", () => {
    expect(load({}).transferLimits).toEqual({
      IDR: { min: 10_000, max: 50_000_000 },
      MMK: { min: 1000, max: 10_000_000 },
      USD: { min: 1, max: 5000 },
    });
    expect(load({ TRANSFER_LIMITS: "MMK:500-900000" }).transferLimits).toEqual({ MMK: { min: 500, max: 900_000 } });
  });
  it("refuses an unknown currency or a malformed range", () => {
    for (const bad of ["XYZ:1-2", "IDR:1", "IDR 1-2", "IDR:a-b", "IDR:500-100", "IDR:0-100"])
      expect(() => load({ TRANSFER_LIMITS: bad }), bad).toThrow(ConfigError);
  });
});
