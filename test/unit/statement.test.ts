import { describe, expect, it } from "vitest";
import { statementCsv } from "../../src/domain/statement-csv.js";
import { readStatement } from "../../src/domain/statement.js";
import { memoryRecords } from "../../src/store/memory/index.js";

const credit = (amount: number, key: string) => ({
  userId: 7,
  currency: "IDR",
  amount,
  type: "credit" as const,
  reason: "test",
  actor: "test",
  key,
});

describe("the CSV statement", () => {
  it("lists every entry once, oldest first, read a page at a time", async () => {
    const { ledger } = memoryRecords();
    for (let i = 1; i <= 23; i++) await ledger.apply(credit(i, `s${i}`));
    let pages = 0;
    const { truncated } = await readStatement(ledger, 7, () => void pages++, { page: 5, max: 100 });
    expect(truncated).toBe(false);
    expect(pages).toBe(5);
    const { csv } = await statementCsv(ledger, 7, "header", { page: 5, max: 100 });
    const rows = csv.trim().split("\n");
    expect(rows[0]).toBe("header");
    expect(rows.slice(1).map((r) => Number(r.split(",")[2]))).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it("neither repeats nor skips a line when an entry lands while it is read", async () => {
    const { ledger } = memoryRecords();
    for (let i = 1; i <= 10; i++) await ledger.apply(credit(i, `c${i}`));
    const seen: number[] = [];
    let landed = false;
    await readStatement(
      ledger,
      7,
      (page) => {
        seen.push(...page.map((e) => e.amount));
        if (!landed) {
          landed = true;
          void ledger.apply(credit(11, "c11"));
        }
      },
      { page: 3, max: 100 },
    );
    expect(seen).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("keeps the newest entries when there are more than a statement holds, and says so", async () => {
    const { ledger } = memoryRecords();
    for (let i = 1; i <= 12; i++) await ledger.apply(credit(i, `t${i}`));
    const { csv, truncated } = await statementCsv(ledger, 7, "header", { page: 4, max: 10 });
    expect(truncated).toBe(true);
    expect(
      csv
        .trim()
        .split("\n")
        .slice(1)
        .map((r) => Number(r.split(",")[2])),
    ).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await statementCsv(ledger, 7, "header", { page: 4, max: 12 })).truncated).toBe(false);
  });
});
