import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBulkLines } from "../../src/bot/conversations/bulk-lines.js";
import { labelList, outcomeOf } from "../../src/domain/bulk.js";
import type { OrderRecord } from "../../src/store/types.js";

describe("bulk top-up lines", () => {
  it("reads the three formats and numbers lines as the reseller's message does (blank lines count)", () => {
    const r = parseBulkLines("12345678 2001\n\n  87654321(2002)\n11223344\n55667788 (2003)\nAAA111,os_asia\n", "optional", 50)!;
    expect(r.bad).toEqual([]);
    expect(r.lines).toEqual([
      { line: 1, playerId: "12345678", zone: "2001" },
      { line: 3, playerId: "87654321", zone: "2002" },
      { line: 4, playerId: "11223344" },
      { line: 5, playerId: "55667788", zone: "2003" },
      { line: 6, playerId: "AAA111", zone: "os_asia" },
    ]);
  });

  it("names each bad line with its number and reason, keeping the good ones", () => {
    const r = parseBulkLines(["12345678 2001", "ab", "12345678 zone!", "1 2 3", "99999999 (2001"].join("\n"), "optional", 50)!;
    expect(r.lines).toEqual([{ line: 1, playerId: "12345678", zone: "2001" }]);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual([
      [2, "player"],
      [3, "zone"],
      [4, "format"],
      [5, "zone"],
    ]);
    expect(r.bad[1]!.text).toBe("12345678 zone!");
  });

  it("applies the product's zone rule", () => {
    expect(parseBulkLines("12345678", "required", 50)!.bad.map((b) => b.reason)).toEqual(["zone-missing"]);
    expect(parseBulkLines("12345678 2001", "none", 50)!.bad.map((b) => b.reason)).toEqual(["zone-none"]);
    expect(parseBulkLines("12345678", "none", 50)!.lines).toEqual([{ line: 1, playerId: "12345678" }]);
  });

  it("takes nothing from a message over the limit, and nothing from an empty one", () => {
    const lines = Array.from({ length: 6 }, (_, i) => `1000000${i}`).join("\n");
    expect(parseBulkLines(lines, "optional", 5)).toEqual({ lines: [], bad: [], tooMany: 6 });
    expect(parseBulkLines(lines, "optional", 6)!.lines).toHaveLength(6);
    expect(parseBulkLines(" \n \n", "optional", 5)).toBeUndefined();
  });

  it("has a localised reason for every problem, in every language", () => {
    for (const l of ["en", "id", "my"]) {
      const ftl = readFileSync(join(import.meta.dirname, `../../locales/${l}/bot.ftl`), "utf8");
      for (const code of ["format", "player", "zone", "zone-missing", "zone-none"])
        expect(ftl, `${l}: ${code}`).toMatch(new RegExp(`^bulk-reason-${code} = `, "m"));
    }
  });

  it("cuts long lists to fit one message", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      line: i + 1,
      playerId: `PLAYER${String(i).padStart(18, "0")}`,
      zone: "zone_1234567",
    }));
    const text = labelList(many, 500);
    expect(text.length).toBeLessThan(520);
    expect(text).toMatch(/^#1 PLAYER0+ \(zone_1234567\), #2 /);
    expect(text).toMatch(/… \+\d+$/);
    expect(labelList(many.slice(0, 2))).toBe("#1 PLAYER000000000000000000 (zone_1234567), #2 PLAYER000000000000000001 (zone_1234567)");
  });

  it("counts an order that never got its debit as not placed, and a pending one as not settled", () => {
    const order = (state: OrderRecord["state"], failure?: string) => ({ state, failure }) as OrderRecord;
    expect(outcomeOf(undefined)).toBe("not_placed");
    expect(outcomeOf(order("failed", "insufficient_funds"))).toBe("not_placed");
    expect(outcomeOf(order("pending"))).toBe("pending");
    expect(outcomeOf(order("processing"))).toBe("placed");
    expect(outcomeOf(order("completed"))).toBe("placed");
    expect(outcomeOf(order("refunded", "provider_failed"))).toBe("refused");
    expect(outcomeOf(order("unknown"))).toBe("unknown");
  });
});
