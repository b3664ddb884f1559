import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, FakeUser } from "../fakes/telegram/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const plain = (text: string) => text.replace(/\u00a0/g, " ");
const UNHANDLED = "Send /help to see what I can do.";
const FOLLOW_UPS = 10;

/** A person stored directly (registration in approval mode would alert the team for each one). */
async function person(
  h: Harness,
  id: number,
  init: { status?: "active" | "pending" | "banned"; teamRole?: "support" | "finance"; name?: string; language?: string } = {},
): Promise<FakeUser> {
  const firstName = init.name ?? `Reseller${id}`;
  const language = init.language ?? "en";
  const user = h.telegram.user({ id, first_name: firstName, username: `user${id}`, language_code: language });
  await h.app.store.users.createIfAbsent({
    id,
    firstName,
    username: `user${id}`,
    telegramLanguage: language,
    status: init.status ?? "active",
    tier: "member",
    createdAt: Date.now(),
    ...(init.teamRole ? { teamRole: init.teamRole } : {}),
  });
  return user;
}

/** Sends and resolves with the first bot message after it that matches. */
async function ask(user: FakeUser, text: string, match: RegExp | string) {
  const after = user.messages().length;
  await user.send(text);
  return user.waitForMessage({ match, after });
}

/** Opens a ticket with /support and returns its number. */
async function openTicket(user: FakeUser, question: string): Promise<number> {
  const reply = await ask(user, `/support ${question}`, /Ticket #\d+ is open|open tickets/);
  const id = /Ticket #(\d+) is open/.exec(reply.text)?.[1];
  if (!id) throw new Error(`not opened: ${reply.text}`);
  return Number(id);
}

/** The card of ticket `id` in a team chat. */
const cardOf = (member: FakeUser, id: number) =>
  member.waitFor((all) => all.find((m) => m.text.includes(`Ticket #${id} `)), 5000, `the card of ticket #${id}`);

/** Messages in a team chat threaded under a card. */
const under = (member: FakeUser, card: BotMessage) => member.messages().filter((m) => m.reply_to_message_id === card.message_id);

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisAvailable || !postgresAvailable)("support tickets (fake Bot API, real PostgreSQL and Redis)", () => {
  let h: Harness;
  let owner: FakeUser;
  let agent: FakeUser;
  beforeAll(async () => {
    // An hour's window: the flood below cannot straddle two windows (each would relay its own 10).
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      timings: { support: { followUps: { max: FOLLOW_UPS, windowMs: 3_600_000 } } },
    });
    owner = h.admin;
    agent = await person(h, 5001, { teamRole: "support", name: "Sari" });
  });
  afterAll(() => h?.close());

  it("opens a ticket with text: each team member's DM gets the reseller's card with Close, and the question under it", async () => {
    const r = await person(h, 6001);
    await h.credit(6001, 50_000, "IDR");
    const id = await openTicket(r, "my order R123 is stuck");
    expect(r.lastMessage()!.reply_to_message_id).toBe(r.lastMessage()!.message_id - 1);
    for (const member of [owner, agent]) {
      const card = await cardOf(member, id);
      expect(plain(card.text)).toMatch(/Reseller6001 @user6001 · id 6001/);
      expect(plain(card.text)).toMatch(/Status: active · Balance: IDR 50[.,]000/);
      expect(member.buttons(card).map((b) => b.text)).toEqual(["✅ Close ticket"]);
      await member.waitFor(() => under(member, card).find((m) => m.text === "my order R123 is stuck"), 5000, "the question");
    }
    expect((await h.app.store.support.openOf(6001)).map((t) => t.id)).toEqual([id]);
  });

  it("sends a member's replies (text and a file) back to the reseller in the thread; the reseller's follow-ups (text, photo) join the ticket", async () => {
    const r = await person(h, 6002);
    const id = await openTicket(r, "where is my deposit?");
    const question = r.messages().length; // the bot's messages so far
    const asked = r.lastMessage()!.reply_to_message_id!;
    const card = await cardOf(agent, id);

    await agent.send("We are checking it now.", { replyTo: card.message_id });
    const answer = await r.waitForMessage({ match: "We are checking it now.", after: question });
    expect(answer.reply_to_message_id).toBe(asked);
    const copy = under(agent, card)[0]!;
    await agent.sendDocument(
      { fileName: "receipt.pdf", content: "%PDF-1.4 receipt", caption: "Your receipt" },
      { replyTo: copy.message_id },
    );
    const file = await r.waitFor((all) => all.find((m) => m.document?.file_name === "receipt.pdf"), 5000, "the file");
    expect(file.text).toBe("Your receipt");

    // A follow-up as a reply to the team's answer, and a plain photo: both under the card, in both DMs.
    await r.send("Thanks, it was a transfer from BCA", { replyTo: answer.message_id });
    await r.sendPhoto({ caption: "the slip" });
    for (const member of [agent, owner]) {
      const c = await cardOf(member, id);
      await member.waitFor(() => under(member, c).find((m) => m.text === "Thanks, it was a transfer from BCA"), 5000, "the follow-up");
      const photo = await member.waitFor(() => under(member, c).find((m) => m.photo !== undefined), 5000, "the photo");
      expect(photo.text).toBe("the slip");
    }
    // The owner's DM was told of Sari's answers (so no one answers twice); a reply to that note goes back too.
    const note = await owner.waitFor(
      (all) => all.find((m) => m.text === `💬 Sari answered ticket #${id}: We are checking it now.`),
      5000,
      "the note of Sari's answer",
    );
    await owner.waitFor((all) => all.find((m) => m.text === `💬 Sari answered ticket #${id}: Your receipt`), 5000, "the file's note");
    await owner.send("Found it, credited.", { replyTo: note.message_id });
    const credited = await r.waitForMessage({ match: "Found it, credited." });
    expect(credited.reply_to_message_id).toBe(answer.message_id);
    expect(r.messages().some((m) => /Send \/help/.test(m.text))).toBe(false);
  });

  it("tells the member when a reply cannot reach the reseller (they blocked the bot)", async () => {
    const r = await person(h, 6017);
    const id = await openTicket(r, "then I block you");
    const card = await cardOf(agent, id);
    r.block();
    const reply = await agent.send("Are you there?", { replyTo: card.message_id });
    const told = await agent.waitForMessage({ match: `Your reply to ticket #${id} could not be delivered` });
    expect(told.reply_to_message_id).toBe(reply.message_id);
    r.unblock();
  });

  it("closes on a member's button: every card shows who closed it, the reseller is told, and later messages are not relayed", async () => {
    const r = await person(h, 6003);
    const id = await openTicket(r, "please close me");
    const card = await cardOf(agent, id);
    await cardOf(owner, id);
    await agent.press("✅ Close ticket", { messageId: card.message_id });
    await r.waitForMessage({ match: `Ticket #${id} was closed by the team` });
    for (const member of [agent, owner]) {
      const edited = await member.waitFor(
        (all) => all.find((m) => m.text.includes(`Ticket #${id} `) && /Closed by Sari/.test(m.text)),
        5000,
        "the closed card",
      );
      expect(member.buttons(edited)).toEqual([]);
    }
    expect(await h.app.store.support.get(id)).toMatchObject({ status: "closed", closedBy: 5001 });
    expect((await h.app.store.audit.recent(50)).some((e) => e.action === "ticket-closed" && e.actor === 5001)).toBe(true);

    const copies = under(agent, card).length;
    expect((await ask(r, "hello again?", /./)).text).toBe(UNHANDLED);
    await settle();
    expect(under(agent, card)).toHaveLength(copies);
    // A reply to a closed ticket is not sent, and the member is told.
    const reply = await agent.send("one more thing", { replyTo: card.message_id });
    const told = await agent.waitForMessage({ match: `Ticket #${id} is closed` });
    expect(told.reply_to_message_id).toBe(reply.message_id);
    expect(r.messages().some((m) => m.text === "one more thing")).toBe(false);
  });

  it("speaks the reseller's language on their side (Indonesian), the team's on theirs", async () => {
    const r = await person(h, 6019, { language: "id" });
    const after = r.messages().length;
    await r.send("/support pesanan saya belum masuk");
    const opened = await r.waitForMessage({ match: /Tiket #\d+ dibuka/, after });
    const id = Number(/#(\d+)/.exec(opened.text)![1]);
    const card = await cardOf(agent, id);
    expect(card.text).toMatch(/Reply to any message of this ticket/);
    await agent.press("✅ Close ticket", { messageId: card.message_id });
    await r.waitForMessage({ match: `Tiket #${id} telah ditutup oleh tim` });
  });

  it("opens a ticket with a photo captioned /support, the command cut from the caption", async () => {
    const r = await person(h, 6004);
    const after = r.messages().length;
    await r.sendPhoto({ caption: "/support the app shows this error" });
    const opened = await r.waitForMessage({ match: /Ticket #\d+ is open/, after });
    const id = Number(/#(\d+)/.exec(opened.text)![1]);
    const card = await cardOf(owner, id);
    const photo = await owner.waitFor(() => under(owner, card).find((m) => m.photo !== undefined), 5000, "the photo");
    expect(photo.text).toBe("the app shows this error");
  });

  it("opens a ticket from the Support button of /help with the next message (a file), and refuses a sticker with one line", async () => {
    const r = await person(h, 6005);
    const help = await ask(r, "/help", /\/support/);
    expect(r.buttons(help).map((b) => b.text)).toContain("💬 Support");
    let after = r.messages().length;
    await r.press("💬 Support");
    await r.waitForMessage({ match: /Write your question now/, after });
    after = r.messages().length;
    await r.sendSticker();
    await r.waitForMessage({ match: /text, photos and files only/, after });
    after = r.messages().length;
    await r.sendDocument({ fileName: "log.txt", content: "error 500 at checkout" });
    const opened = await r.waitForMessage({ match: /Ticket #\d+ is open/, after });
    const id = Number(/#(\d+)/.exec(opened.text)![1]);
    const card = await cardOf(agent, id);
    await agent.waitFor(() => under(agent, card).find((m) => m.document?.file_name === "log.txt"), 5000, "the file");
    // With a ticket open, a sticker is refused too (not relayed, not the unhandled reply).
    after = r.messages().length;
    await r.sendSticker("😡");
    await r.waitForMessage({ match: /text, photos and files only/, after });
  });

  it("refuses a 4th open ticket, lists the open ones on /support (alone or with spaces), and says so when there are none", async () => {
    const r = await person(h, 6006);
    expect((await ask(r, "/support", /no open tickets/)).text).toMatch(/send \/support followed by your question/);
    const ids = [await openTicket(r, "one"), await openTicket(r, "two"), await openTicket(r, "three")];
    const fourth = await ask(r, "/support four", /open tickets/);
    expect(fourth.text).toBe(
      "You already have 3 open tickets. Add to one of them (reply to one of its messages), or wait until the team closes one.",
    );
    expect(await h.app.store.support.openOf(6006)).toHaveLength(3);
    for (const command of ["/support", "/support    "]) {
      const list = await ask(r, command, /Your open tickets/);
      for (const id of ids) expect(list.text).toContain(`#${id} · opened`);
      expect(list.text.indexOf(`#${ids[2]}`)).toBeLessThan(list.text.indexOf(`#${ids[0]}`));
    }
  });

  it("holds the limit of 3 when two processes open 10 tickets at once", async () => {
    const other = await h.another();
    const opens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other.services.support : h.app.services.support).open(6007)),
    );
    expect(opens.filter((o) => o.ok)).toHaveLength(3);
    expect(await h.app.store.support.openOf(6007)).toHaveLength(3);
  });

  it("refuses Close to someone off the team (the gate), also to a member whose role was taken away", async () => {
    const r = await person(h, 6008);
    const former = await person(h, 5002, { teamRole: "finance", name: "Budi" });
    const id = await openTicket(r, "do not close");
    const card = await cardOf(former, id);
    await h.app.services.team.setRole(1, (await h.app.store.users.get(5002))!, "none");
    await former.press("✅ Close ticket", { messageId: card.message_id });
    await former.waitFor(() => former.callbackAnswers().find((a) => /needs the support role/.test(a.text ?? "")), 5000, "the refusal");
    // A reseller forging the button's data is refused the same way.
    const stranger = await person(h, 6009);
    await ask(stranger, "/support hi", /Ticket #\d+ is open/);
    stranger.pressData(`tclose:${id}`);
    await stranger.waitFor(() => stranger.callbackAnswers().find((a) => /needs the support role/.test(a.text ?? "")), 5000, "the refusal");
    expect(await h.app.store.support.get(id)).toMatchObject({ status: "open" });
    expect((await h.app.store.audit.recent(50)).filter((e) => e.action === "refused" && e.target === "button:ticket")).toHaveLength(2);
  });

  it("lets a pending registrant ask, refuses a suspended account, and passes a long question whole", async () => {
    const pending = await person(h, 6010, { status: "pending" });
    const long = `${"My order is stuck. ".repeat(210)}end`;
    expect(long.length).toBeGreaterThan(3900);
    const id = await openTicket(pending, long);
    const card = await cardOf(owner, id);
    expect(card.text).toMatch(/Status: waiting for approval/);
    const q = await owner.waitFor(() => under(owner, card)[0], 5000, "the question");
    expect(q.text).toBe(long);
    const banned = await person(h, 6011, { status: "banned" });
    expect((await ask(banned, "/support let me in", /./)).text).toMatch(/suspended/);
    expect(await h.app.store.support.openOf(6011)).toEqual([]);
    expect((await ask(banned, "hello", /./)).text).toBe(UNHANDLED);
  });

  it("keeps the ticket when a team chat cannot be reached (a member blocked the bot)", async () => {
    const r = await person(h, 6012);
    agent.block();
    try {
      const id = await openTicket(r, "anyone there?");
      await cardOf(owner, id);
      expect(agent.messages().some((m) => m.text.includes(`Ticket #${id} `))).toBe(false);
      const cards = await h.app.services.support.cards(id);
      expect(cards.map((c) => c.teamChatId)).toEqual([1]);
    } finally {
      agent.unblock();
    }
  });

  it(`relays at most ${FOLLOW_UPS} follow-ups a window per ticket: a flood of 30 gets one "slow down" and no more copies`, async () => {
    const r = await person(h, 6013);
    const id = await openTicket(r, "flood test");
    const card = await cardOf(owner, id);
    await owner.waitFor(() => under(owner, card).length === 1, 5000, "the question");
    const after = r.messages().length;
    for (let i = 0; i < 30; i++) await r.send(`line ${i}`);
    await r.waitForMessage({ match: /That is a lot at once/, after });
    await settle(1000);
    expect(under(owner, card).length - 1).toBe(FOLLOW_UPS);
    expect(
      r
        .messages()
        .slice(after)
        .filter((m) => /a lot at once/.test(m.text)),
    ).toHaveLength(1);
    expect(
      r
        .messages()
        .slice(after)
        .filter((m) => m.text === UNHANDLED),
    ).toHaveLength(0);
  });

  it("works in the operator group's Support topic when the desk points there: a member answers and closes, a stranger cannot", async () => {
    const group = h.telegram.group({ title: "Operators", forum: true });
    const topic = group.createTopic("Support");
    const thread = topic.message_thread_id;
    const sari = group.member({ id: 5001, first_name: "Sari" });
    const lurker = group.member({ id: 7001, first_name: "Lurker" });
    // The port the operator group plugs into (domain/support/desk.ts), pointed at its topic.
    const support = h.app.services.support;
    const dms = support.targets;
    support.targets = async () => [{ chatId: group.id, threadId: thread }];
    try {
      const r = await person(h, 6015);
      const id = await openTicket(r, "asked in the group");
      const card = await group.waitForMessage({ thread, match: `Ticket #${id} `, after: 0 });
      await group.waitFor(
        () => group.messages({ thread }).find((m) => m.reply_to_message_id === card.message_id && m.text === "asked in the group"),
        5000,
        "the question in the topic",
      );
      await sari.send("Answered from the topic", { replyTo: card.message_id, thread });
      await r.waitForMessage({ match: "Answered from the topic" });
      // Someone off the team: their reply is not relayed, their Close is refused.
      await lurker.send("let me answer", { replyTo: card.message_id, thread });
      await lurker.press("✅ Close ticket", { messageId: card.message_id });
      await group.waitFor(() => lurker.callbackAnswers().find((a) => /needs the support role/.test(a.text ?? "")), 5000, "the refusal");
      expect(r.messages().some((m) => m.text === "let me answer")).toBe(false);
      await sari.press("✅ Close ticket", { messageId: card.message_id });
      await group.waitFor(
        () => group.messages().find((m) => m.message_id === card.message_id && /Closed by Sari/.test(m.text)),
        5000,
        "the closed card in the topic",
      );
      await r.waitForMessage({ match: `Ticket #${id} was closed` });
    } finally {
      support.targets = dms;
    }
  });

  it("falls back to the desk's fallback chats when no target can be reached (the group gone)", async () => {
    const support = h.app.services.support;
    const { targets, fallbackTargets } = support;
    support.targets = async () => [{ chatId: -1009999999999, threadId: 5 }];
    support.fallbackTargets = async () => [{ chatId: owner.id }];
    try {
      const r = await person(h, 6018);
      const id = await openTicket(r, "is anyone reading the group?");
      const card = await cardOf(owner, id);
      await owner.waitFor(() => under(owner, card).find((m) => m.text === "is anyone reading the group?"), 5000, "the question");
      expect((await support.cards(id)).map((c) => c.teamChatId)).toEqual([owner.id]);
    } finally {
      Object.assign(support, { targets, fallbackTargets });
    }
  });

  it("lets the bot's flood limit hold back a flood before it reaches a ticket", async () => {
    await h.restart({ flood: { max: 8, windowMs: 3000 } });
    try {
      const r = await person(h, 6016);
      const id = await openTicket(r, "flood under the bot's limit");
      const card = await cardOf(owner, id);
      await owner.waitFor(() => under(owner, card).length === 1, 5000, "the question");
      const after = r.messages().length;
      for (let i = 0; i < 30; i++) await r.send(`burst ${i}`);
      await r.waitForMessage({ match: /too fast/, after });
      await settle(1000);
      // The opening /support counted against the same window: fewer than 8 follow-ups got through.
      expect(under(owner, card).length - 1).toBeLessThan(8);
    } finally {
      await h.restart();
    }
  });

  it("keeps an open ticket across a restart (PostgreSQL): replies and follow-ups still find it", async () => {
    const r = await person(h, 6014);
    const id = await openTicket(r, "before the restart");
    const card = await cardOf(agent, id);
    await h.restart();
    await agent.send("Still here after the restart.", { replyTo: card.message_id });
    await r.waitForMessage({ match: "Still here after the restart." });
    await r.send("great");
    await agent.waitFor(() => under(agent, card).find((m) => m.text === "great"), 5000, "the follow-up after the restart");
    expect(plain((await ask(r, "/support", /Your open tickets/)).text)).toContain(`#${id} · opened`);
  });
});
