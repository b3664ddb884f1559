import { FluentBundle, FluentResource } from "@fluent/bundle";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../locales");
/** A locale is every .ftl file in locales/<l>/ (one per area), as the i18n plugin reads them. */
const source = (l: string) =>
  readdirSync(join(dir, l))
    .filter((f) => f.endsWith(".ftl"))
    .sort()
    .map((f) => readFileSync(join(dir, l, f), "utf8"))
    .join("\n");
const load = (l: string) => new FluentResource(source(l));
const ids = (l: string) => new Set(load(l).body.map((m) => m.id));

/** Message ids the code asks for by literal name: tr("x"), key: "x", render(..., "x"). */
function idsUsedInCode(): Set<string> {
  const used = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) {
        const src = readFileSync(p, "utf8");
        for (const m of src.matchAll(/(?:\btr\(|\bt\(|key: |render\([^,]+, )"([a-z][a-z0-9_-]+)"/g)) used.add(m[1]!);
        for (const m of src.matchAll(/notifyAdmins\(\s*"([a-z][a-z0-9_-]+)"/g)) used.add(m[1]!);
      }
    }
  };
  walk(join(import.meta.dirname, "../../src"));
  return used;
}

describe("locales", () => {
  it("parse without errors in en, id and my", () => {
    for (const l of ["en", "id", "my"]) {
      const bundle = new FluentBundle(l);
      expect(bundle.addResource(load(l)), l).toEqual([]);
    }
  });
  it("have the same message ids in every language", () => {
    const en = [...ids("en")].sort();
    expect([...ids("id")].sort()).toEqual(en);
    expect([...ids("my")].sort()).toEqual(en);
  });
  it("hold every message id the code uses", () => {
    const en = ids("en");
    const missing = [...idsUsedInCode()].filter((k) => !en.has(k));
    expect(missing).toEqual([]);
  });
  it("really are translated (not English copies)", () => {
    for (const l of ["id", "my"]) {
      const en = load("en");
      const other = new Map(load(l).body.map((m) => [m.id, JSON.stringify(m.value)]));
      const same = en.body.filter((m) => other.get(m.id) === JSON.stringify(m.value)).map((m) => m.id);
      // Command descriptions aside, identical text should be rare (emoji-only, csv header).
      expect(same.length, `${l}: ${same.join(", ")}`).toBeLessThan(en.body.length / 10);
    }
  });
});
