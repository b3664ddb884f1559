import { describe, expect, it } from "vitest";
import { createAuditTrail } from "../../src/domain/audit.js";
import { createMaintenance } from "../../src/domain/maintenance.js";
import { memoryRecords } from "../../src/store/memory/index.js";
import type { UserRecord } from "../../src/store/types.js";

const user = (id: number, teamRole?: UserRecord["teamRole"]): UserRecord => ({
  id,
  firstName: `U${id}`,
  status: "active",
  tier: "member",
  createdAt: 0,
  ...(teamRole ? { teamRole } : {}),
});

function world() {
  const records = memoryRecords();
  const resets: string[] = [];
  const m = createMaintenance({
    records: records.maintenance,
    audit: createAuditTrail(records.audit),
    isTeam: (u) => u.id === 1 || u.teamRole !== undefined,
    resetStreak: async (p) => void resets.push(p),
  });
  return { m, records, resets };
}

describe("what maintenance stops", () => {
  it("the whole bot stops resellers only; a product or its provider stops everyone, the product's own note first", async () => {
    const { m } = world();
    const reseller = user(10);
    const owner = user(1);
    const support = user(11, "support");
    expect(await m.blockFor(reseller, "gametopup", "1")).toBeUndefined();

    await m.change(1, { scope: "bot", target: "", on: true, note: "upgrade" });
    expect(await m.blockFor(reseller, "gametopup", "1")).toEqual({ scope: "bot", target: "", note: "upgrade", auto: false });
    expect(await m.blockFor(owner, "gametopup", "1")).toBeUndefined();
    expect(await m.blockFor(support, "gametopup", "1")).toBeUndefined();
    expect(await m.isOn()).toBe(true);

    await m.change(1, { scope: "provider", target: "gametopup", on: true, note: "server move" });
    expect(await m.blockFor(owner, "gametopup", "1")).toMatchObject({ scope: "provider", note: "server move" });
    expect(await m.blockFor(owner, "xinstitute", "1")).toBeUndefined();
    await m.change(1, { scope: "product", target: "gametopup:1", on: true, note: "price check" });
    expect(await m.blockFor(owner, "gametopup", "1")).toMatchObject({ scope: "product", note: "price check" });
    expect(await m.blockFor(owner, "gametopup", "2")).toMatchObject({ scope: "provider" });
  });

  it("audits each change that changed something, and lifting a provider by hand forgets its streak", async () => {
    const { m, records, resets } = world();
    expect(await m.change(7, { scope: "provider", target: "xen", on: false })).toBe(false);
    expect(resets).toEqual(["xen"]);
    expect(await records.audit.recent(10)).toEqual([]);
    expect(await m.change(7, { scope: "provider", target: "xen", on: true, note: "keys" })).toBe(true);
    expect(await m.change(7, { scope: "provider", target: "xen", on: false, note: "fixed" })).toBe(true);
    const audit = await records.audit.recent(10);
    expect(audit.map((e) => [e.actor, e.action, e.target, e.before, e.after])).toEqual([
      [7, "maintenance", "provider:xen", { on: true, note: "keys", auto: false }, { on: false }],
      [7, "maintenance", "provider:xen", { on: false }, { on: true, note: "keys" }],
    ]);
  });

  it("an automatic entry never replaces one set by hand, and only an automatic one is lifted automatically", async () => {
    const { m } = world();
    await m.change(1, { scope: "provider", target: "gametopup", on: true, note: "by hand" });
    expect(await m.enterAuto("gametopup")).toBe(false);
    expect(await m.liftAuto("gametopup")).toBe(false);
    expect((await m.view()).entries).toMatchObject([{ target: "gametopup", auto: false, note: "by hand" }]);
    expect(await m.enterAuto("xinstitute")).toBe(true);
    expect(await m.enterAuto("xinstitute")).toBe(false);
    expect(await m.liftAuto("xinstitute")).toBe(true);
  });
});
