import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_BUTTONS } from "../../src/bot/features/admin/gate.js";
import {
  ADMIN_COMMANDS,
  type AdminButton,
  BUTTON_PERMISSIONS,
  COMMAND_PERMISSIONS,
  GRANTABLE_ROLES,
  may,
  type Role,
} from "../../src/domain/team/permissions.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const REFUSED = /needs the (\w+) role or higher/;
const UNKNOWN = /I don't know that command/;

/**
 * One press of each admin button family, on a reseller that does not exist (nothing can change
 * whoever is allowed). Typed by the declaration: a new family without a sample fails to compile.
 */
const SAMPLE_PRESS: Record<AdminButton, string> = {
  registration: ADMIN_BUTTONS.registration.pack({ verdict: "appr", userId: 999_999 }),
  ticket: ADMIN_BUTTONS.ticket.pack({ ticketId: 999_999 }),
  transfer: ADMIN_BUTTONS.transfer.pack({ action: "ok", depositId: "T0000000000" }),
};

/**
 * SPEC §5's table, run through the whole bot: every admin command and every admin button, sent by
 * a person of every role (given with /role by the owner, as an operator would), is allowed or
 * refused exactly as the declaration says. The expectation is computed from the declaration, so a
 * command registered without an entry, or a handler that skips the gate, fails here.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("the team's permissions, every command as every role", () => {
  let h: Harness;
  const people = new Map<Role | "none", FakeUser>();

  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
    people.set("owner", h.admin);
    let id = 7100;
    for (const role of [...GRANTABLE_ROLES, "none"] as const) {
      const user = await h.reseller(++id, { username: `member_${role}` });
      if (role !== "none") {
        const seen = h.admin.messages().length;
        await h.admin.send(`/role ${id} ${role}`);
        await h.admin.waitForMessage({ match: /now has/, after: seen });
      }
      people.set(role, user);
    }
  }, 60_000);
  afterAll(() => h?.close());

  const roles = ["owner", ...GRANTABLE_ROLES, "none"] as const;

  it.each(roles)(
    "commands as %s",
    async (role) => {
      const user = people.get(role)!;
      const wrong: string[] = [];
      for (const command of ADMIN_COMMANDS) {
        const seen = user.messages().length;
        await user.send(`/${command}`);
        const reply = await user.waitForMessage({ after: seen, timeoutMs: 10_000 });
        const allowed = role !== "none" && may(role, COMMAND_PERMISSIONS[command]);
        const verdict = UNKNOWN.test(reply.text) ? "unknown" : REFUSED.test(reply.text) ? "refused" : "allowed";
        // Outside the team an admin command is unknown (nothing tells a reseller it exists).
        const expected = role === "none" ? "unknown" : allowed ? "allowed" : "refused";
        if (verdict !== expected) wrong.push(`/${command}: ${verdict}, expected ${expected} (${reply.text.slice(0, 80)})`);
      }
      expect(wrong).toEqual([]);
    },
    120_000,
  );

  it.each(roles)(
    "admin buttons as %s",
    async (role) => {
      const user = people.get(role)!;
      for (const button of Object.keys(BUTTON_PERMISSIONS) as AdminButton[]) {
        const answers = user.callbackAnswers().length;
        const query = user.pressData(SAMPLE_PRESS[button]);
        const answer = await user.waitFor(
          () =>
            user
              .callbackAnswers()
              .slice(answers)
              .find((a) => a.callback_query_id === query.id),
          10_000,
          `the answer to ${button}`,
        );
        const refused = REFUSED.test(answer.text ?? "");
        // Outside the team a press is refused or answered as stale; either way nothing changes (below).
        if (role !== "none") expect({ button, refused }).toEqual({ button, refused: !may(role, BUTTON_PERMISSIONS[button]) });
      }
      // Nobody created or changed the sample reseller.
      expect(await h.app.store.users.get(999_999)).toBeUndefined();
    },
    60_000,
  );

  it("names the role a refusal needs, in the member's language", async () => {
    const support = people.get("support")!;
    const seen = support.messages().length;
    await support.send("/credit 7104 1000 IDR");
    const reply = await support.waitForMessage({ after: seen });
    expect(reply.text).toMatch(/\/credit needs the finance role/);
    expect(await h.balance(7104, "IDR")).toBe(0);
    const refusals = (await h.app.store.audit.recent(20)).filter((e) => e.action === "refused" && e.actor === 7103);
    expect(refusals.length).toBeGreaterThan(0);
  });
});
