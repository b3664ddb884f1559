import { describe, expect, it } from "vitest";
import { supportDesk } from "../../src/domain/support/desk.js";
import { dmDesk } from "../../src/domain/team/dm-desk.js";
import { createSupport, maySeekSupport } from "../../src/domain/support/index.js";
import { memoryKv, memoryRecords } from "../../src/store/memory/index.js";
import type { UserRecord } from "../../src/store/types.js";

const support = (limits = {}) =>
  createSupport({
    tickets: memoryRecords().support,
    kv: memoryKv(),
    desk: supportDesk(
      dmDesk({
        members: async () => [
          { id: 1, role: "owner" as const },
          { id: 5, role: "support" as const },
        ],
      }),
    ),
    limits,
  });

const user = (status: UserRecord["status"]): UserRecord => ({ id: 9, firstName: "R", status, tier: "member", createdAt: 0 });

describe("support tickets (domain, in memory)", () => {
  it("sends ticket messages to every team member's DM by default", async () => {
    expect(await support().targets()).toEqual([{ chatId: 1 }, { chatId: 5 }]);
    // The DMs are the last resort themselves: no fallback behind them.
    expect(await support().fallbackTargets()).toEqual([]);
  });

  it("lets active resellers, pending registrants and the team ask; not suspended or rejected accounts", () => {
    expect(maySeekSupport(user("active"), false)).toBe(true);
    expect(maySeekSupport(user("pending"), false)).toBe(true);
    expect(maySeekSupport(user("banned"), false)).toBe(false);
    expect(maySeekSupport(user("rejected"), false)).toBe(false);
    expect(maySeekSupport(undefined, false)).toBe(false);
    expect(maySeekSupport(user("banned"), true)).toBe(true);
  });

  it("joins a follow-up to the ticket it replies to, else to the newest open one; none when all are closed", async () => {
    const s = support();
    const a = await s.open(9);
    const b = await s.open(9);
    if (!a.ok || !b.ok) throw new Error("not opened");
    await s.record({ ticketId: a.ticket.id, kind: "out", fromUserId: 1, teamChatId: 1, teamMessageId: 40, resellerMessageId: 7 });
    expect((await s.ticketFor(9, 7))?.ticket.id).toBe(a.ticket.id);
    expect((await s.ticketFor(9, 8))?.ticket.id).toBe(b.ticket.id);
    expect((await s.ticketFor(9))?.ticket.id).toBe(b.ticket.id);
    await s.close(a.ticket.id, 1);
    // A reply to a closed ticket's message joins the open one instead.
    expect((await s.ticketFor(9, 7))?.ticket.id).toBe(b.ticket.id);
    await s.close(b.ticket.id, 1);
    expect(await s.ticketFor(9)).toBeUndefined();
  });

  it("relays follow-ups up to the limit per ticket and window, says slow down once, then drops", async () => {
    const s = support({ followUps: { max: 3, windowMs: 60_000 } });
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await s.followUp(1));
    expect(verdicts).toEqual(["relay", "relay", "relay", "slow-down", "drop", "drop"]);
    // Another ticket has its own count.
    expect(await s.followUp(2)).toBe("relay");
  });

  it("remembers a tap on Support for the next message only", async () => {
    const s = support();
    expect(await s.takeAsking(9)).toBe(false);
    await s.asking(9);
    expect(await s.takeAsking(9)).toBe(true);
    expect(await s.takeAsking(9)).toBe(false);
  });
});
