import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_COMMANDS as MENU_COMMANDS } from "../../src/bot/commands-menu.js";
import { ADMIN_BUTTONS } from "../../src/bot/features/admin/gate.js";
import { ticketCloseButton } from "../../src/bot/callback-data/support.js";
import {
  ADMIN_COMMANDS,
  BUTTON_PERMISSIONS,
  COMMAND_PERMISSIONS,
  commandsFor,
  may,
  neededRole,
  ROLES,
  SUBCOMMAND_PERMISSIONS,
} from "../../src/domain/team/permissions.js";

/** SPEC §5's table, written out by hand: the declaration in code must say the same. */
const SPEC: Record<string, string> = {
  role: "owner",
  maintenance: "owner admin",
  markup: "owner admin",
  price: "owner admin",
  tier: "owner admin",
  sync: "owner admin",
  broadcast: "owner admin",
  payee: "owner admin",
  promo: "owner admin",
  tiers: "owner admin",
  credit: "owner admin finance",
  debit: "owner admin finance",
  refund: "owner admin finance",
  stats: "owner admin finance",
  approve: "owner admin support",
  ban: "owner admin support",
  unban: "owner admin support",
  admin: "owner admin finance support",
  user: "owner admin finance support",
  order: "owner admin finance support",
  audit: "owner admin finance support",
  providers: "owner admin finance support",
};

describe("the team's permission table", () => {
  it("gives every role exactly what SPEC §5 gives it", () => {
    for (const [command, roles] of Object.entries(SPEC)) {
      const row = COMMAND_PERMISSIONS[command as keyof typeof COMMAND_PERMISSIONS];
      expect(row, command).toBeDefined();
      expect(ROLES.filter((r) => may(r, row)).join(" "), command).toBe(roles);
    }
  });

  it("lets every role answer and close support tickets, and no one without a role", () => {
    expect(ROLES.filter((r) => may(r, BUTTON_PERMISSIONS.ticket)).join(" ")).toBe("owner admin finance support");
    expect(may(undefined, BUTTON_PERMISSIONS.ticket)).toBe(false);
    expect(neededRole(BUTTON_PERMISSIONS.ticket)).toBe("support");
    // The gate reads a press's family from its data: Close under a card is the ticket family.
    const family = Object.entries(ADMIN_BUTTONS).find(([, codec]) => codec.unpack(ticketCloseButton.pack({ ticketId: 12 })) !== undefined);
    expect(family?.[0]).toBe("ticket");
  });

  it("has a codec for every admin button family of the table", () => {
    expect(Object.keys(ADMIN_BUTTONS).sort()).toEqual(Object.keys(BUTTON_PERMISSIONS).sort());
  });

  it("refuses everyone without a role", () => {
    for (const c of ADMIN_COMMANDS) expect(may(undefined, COMMAND_PERMISSIONS[c])).toBe(false);
  });

  it("names the least role a refused command needs", () => {
    expect(neededRole(COMMAND_PERMISSIONS.role)).toBe("owner");
    expect(neededRole(COMMAND_PERMISSIONS.markup)).toBe("admin");
    expect(neededRole(COMMAND_PERMISSIONS.credit)).toBe("finance");
    expect(neededRole(COMMAND_PERMISSIONS.ban)).toBe("support");
  });

  it("has an entry for every admin command the console registers", () => {
    const dir = join(import.meta.dirname, "../../src/bot/features/admin");
    const registered = new Set<string>();
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), "utf8");
      for (const m of src.matchAll(/adminCommand\(\s*\w+,\s*"([a-z]+)"/g)) registered.add(m[1] as string);
      for (const m of src.matchAll(/\.command\(\s*"([a-z]+)"/g)) registered.add(m[1] as string);
    }
    expect(registered.size).toBeGreaterThan(12);
    // A command shared with resellers (/referral) has its admin sub-commands in SUBCOMMAND_PERMISSIONS instead.
    const shared = Object.keys(SUBCOMMAND_PERMISSIONS);
    for (const c of [...registered, ...MENU_COMMANDS].filter((c) => !shared.includes(c))) expect(ADMIN_COMMANDS, c).toContain(c);
    for (const c of shared) expect(ADMIN_COMMANDS, c).not.toContain(c);
  });

  it("gates /referral percent|months as configure, and the bare /referral not at all", () => {
    expect(ROLES.filter((r) => may(r, SUBCOMMAND_PERMISSIONS.referral.percent)).join(" ")).toBe("owner admin");
    expect(ROLES.filter((r) => may(r, SUBCOMMAND_PERMISSIONS.referral.months)).join(" ")).toBe("owner admin");
  });

  it("shows each role only its own commands in the menu", () => {
    expect(commandsFor("owner")).toEqual(ADMIN_COMMANDS);
    expect(commandsFor("support")).toEqual(expect.arrayContaining(["approve", "ban", "user", "order"]));
    expect(commandsFor("support")).not.toContain("credit");
    expect(commandsFor("finance")).not.toContain("role");
  });
});
