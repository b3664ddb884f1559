import { describe, expect, it } from "vitest";
import { alertRouting } from "../../src/domain/team/alert-routing.js";
import { memoryRecords } from "../../src/store/memory/index.js";
import type { GrantableRole } from "../../src/domain/team/permissions.js";

describe("who reads the team's alerts without an operator group", () => {
  it("is chosen by role from the stored team on each alert; owners (ADMIN_IDS) read every topic", async () => {
    const { users } = memoryRecords();
    const member = async (id: number, role?: GrantableRole) => {
      await users.createIfAbsent({ id, firstName: `U${id}`, status: "active", tier: "member", createdAt: 0 });
      if (role) await users.patch(id, { teamRole: role });
    };
    await member(1);
    await member(2, "admin");
    await member(3, "finance");
    await member(4, "support");
    await member(5);
    const routing = alertRouting({ group: false, ownerIds: [1, 9], users });
    const sorted = async (t: Parameters<typeof routing.readers>[0]) => (await routing.readers(t)).sort((a, b) => a - b);
    expect(await sorted("deposits")).toEqual([1, 2, 3, 9]);
    expect(await sorted("resellers")).toEqual([1, 2, 4, 9]);
    expect(await sorted("providers")).toEqual([1, 2, 9]);
    expect(await sorted("reports")).toEqual([1, 2, 3, 9]);
    expect(await sorted(undefined)).toEqual([1, 2, 9]);
    // A role taken away holds at the next alert.
    await users.patch(3, { teamRole: null });
    expect(await sorted("deposits")).toEqual([1, 2, 9]);
    expect(routing.owners).toEqual([1, 9]);
  });
});
