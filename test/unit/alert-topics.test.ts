import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALERT_KEYS, readersOf, TOPICS, topicOf, topicTitleKey } from "../../src/domain/team/alert-topics.js";

const src = join(import.meta.dirname, "../../src");

/**
 * Every message id the code sends as a team alert: notifyAdmins("x", …) literally, and the ids
 * held in tables that reach notifyAdmins through a variable (xen's event table, the balance
 * watches, the points spells).
 */
function alertKeysInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) {
        const text = readFileSync(p, "utf8");
        const patterns = [
          /notifyAdmins\(\s*"([a-z][a-z0-9_-]+)"/g,
          /\badmin: "([a-z]+-admin-[a-z0-9-]+)"/g,
          /\b(?:lowKey|recoveredKey): "([a-z][a-z0-9-]+)"/g,
          /alertOnce\("\w+", "([a-z][a-z0-9-]+)"/g,
          /\b[A-Z_]+_ALERT = "([a-z][a-z0-9-]+)"/g,
        ];
        for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1]!, p.slice(src.length + 1));
      }
    }
  };
  walk(src);
  return found;
}

describe("the operator group's topics", () => {
  it("file every team alert the code sends under a topic", () => {
    const keys = alertKeysInCode();
    expect(keys.size).toBeGreaterThan(20);
    const unfiled = [...keys].filter(([key]) => topicOf(key) === undefined).map(([key, file]) => `${key} (${file})`);
    expect(unfiled).toEqual([]);
    expect(topicOf("ops-report")).toBe("reports");
    expect(topicOf("admin-new-registration")).toBe("resellers");
    expect(topicOf("admin-deposit-mismatch")).toBe("deposits");
    expect(topicOf("admin-order-unknown")).toBe("orders");
    expect(topicOf("admin-provider-maintenance-on")).toBe("providers");
    expect(topicOf("toString")).toBeUndefined();
  });

  it("have a title in every language, and every filed alert a message", () => {
    for (const l of ["en", "id", "my"]) {
      const dir = join(import.meta.dirname, "../../locales", l);
      const ids = new Set(
        readdirSync(dir)
          .filter((f) => f.endsWith(".ftl"))
          .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1])),
      );
      expect(
        TOPICS.map(topicTitleKey).filter((k) => !ids.has(k)),
        l,
      ).toEqual([]);
      const missing = ALERT_KEYS.filter((k) => !ids.has(k));
      expect(missing, l).toEqual([]);
    }
  });

  it("are read in DMs by role when there is no group: owners and admins all, finance the money, support the people", () => {
    for (const t of TOPICS) expect(readersOf(t)).toEqual(expect.arrayContaining(["owner", "admin"]));
    expect(TOPICS.filter((t) => readersOf(t).includes("finance"))).toEqual(["orders", "deposits", "reports"]);
    expect(TOPICS.filter((t) => readersOf(t).includes("support"))).toEqual(["resellers", "support"]);
    expect(readersOf(undefined)).toEqual(["owner", "admin"]);
  });
});
