import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GrantableRole } from "../../src/domain/team/permissions.js";
import type { FakeGroup, FakeUser, ThreadFilter } from "../fakes/telegram/index.js";
import { ADMIN_ID, startHarness, tap, type Harness, type HarnessOptions } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** An alert as the domain raises it: the deposits' mismatch, filed under Deposits. */
const depositAlert = (h: Harness, id: string, dedupe = `deposit:${id}:mismatch`) =>
  h.app.services.notifier.notifyAdmins("admin-deposit-mismatch", { depositId: id, billId: `bill-${id}` }, dedupe);
const providerAlert = (h: Harness, id: string) =>
  h.app.services.notifier.notifyAdmins("admin-provider-auth", { provider: id, code: "invalid_key" }, `auth:${id}`);

/** A bot message of the group matching `match`, already there or still to come. */
const inGroup = (g: FakeGroup, match: string | RegExp, thread?: ThreadFilter) =>
  g.waitForMessage({ match, after: 0, timeoutMs: 8000, ...(thread !== undefined ? { thread } : {}) });
const received = (u: FakeUser, match: string | RegExp) => u.waitFor((all) => all.find((m) => m.text.includes(String(match))), 8000);
const count = (g: FakeGroup, text: string) => g.messages().filter((m) => m.text.includes(text)).length;
const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms));
const fallbacks = async (h: Harness, reason: string) => {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const m = new RegExp(`^operator_group_fallbacks_total\\{reason="${reason}"\\} (\\d+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
};

/** A team member with a chat, stored with their role (as /role gives it). */
async function teamMember(h: Harness, id: number, role: GrantableRole): Promise<FakeUser> {
  const user = h.telegram.user({ id, first_name: `Member${id}`, language_code: "en" });
  const record = (
    await h.app.store.users.createIfAbsent({
      id,
      firstName: `Member${id}`,
      telegramLanguage: "en",
      status: "active",
      tier: "member",
      createdAt: Date.now(),
    })
  ).user;
  await h.app.services.team.setRole(ADMIN_ID, record, role);
  return user;
}

// The group's pace (3 s a message, Telegram's 20 a minute) shortened, as for the other clocks.
const withStores = async (opts: HarnessOptions = {}) =>
  startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), timings: { groupIntervalMs: 300 }, ...opts });

const infra = redisAvailable && postgresAvailable;

describe.skipIf(!infra)("the operator group as a forum: one topic per kind of alert", () => {
  let h: Harness;
  let g: FakeGroup;
  beforeAll(async () => {
    h = await withStores({ operatorGroup: { title: "Operators", forum: true } });
    g = h.group!;
  });
  afterAll(async () => h?.close());

  it("puts an alert in its topic, created once with its id in PostgreSQL; the next one of that kind in the same thread", async () => {
    await depositAlert(h, "d1");
    const first = await inGroup(g, "does not match deposit d1");
    expect(first.is_topic_message).toBe(true);
    const thread = first.message_thread_id!;
    expect(g.topics()).toMatchObject([{ message_thread_id: thread, name: "Deposits", deleted: false }]);
    expect(await h.app.store.operatorGroups.topic(g.id, "deposits")).toBe(thread);

    await depositAlert(h, "d2");
    await providerAlert(h, "xinstitute");
    const second = await inGroup(g, "does not match deposit d2");
    const provider = await inGroup(g, /xinstitute/);
    expect(second.message_thread_id).toBe(thread);
    expect(provider.message_thread_id).not.toBe(thread);
    expect(g.topics().map((t) => t.name)).toEqual(["Deposits", "Providers"]);
    // Nobody's DM got them: the group is where the team reads.
    expect(h.admin.messages()).toEqual([]);
  });

  it("creates a deleted topic again and delivers there, the new id stored", async () => {
    const old = (await h.app.store.operatorGroups.topic(g.id, "deposits"))!;
    g.deleteTopic(old);
    await depositAlert(h, "d3");
    const m = await inGroup(g, "does not match deposit d3");
    expect(m.message_thread_id).not.toBe(old);
    expect(await h.app.store.operatorGroups.topic(g.id, "deposits")).toBe(m.message_thread_id);
    expect(g.topics().filter((t) => t.name === "Deposits" && !t.deleted)).toHaveLength(1);
  });

  it("sends an event once: enqueued twice, and enqueued before a restart and again after it", async () => {
    await depositAlert(h, "twice");
    await depositAlert(h, "twice");
    await inGroup(g, "deposit twice");

    await h.app.stop();
    const other = await h.another();
    await depositAlert({ ...h, app: other }, "restart");
    await depositAlert({ ...h, app: other }, "restart");
    await h.restart();
    await inGroup(g, "deposit restart");
    await depositAlert(h, "restart");
    await settle();
    expect(count(g, "deposit twice")).toBe(1);
    expect(count(g, "deposit restart")).toBe(1);
  });

  it("posts a new registration with its buttons in Resellers; a press is checked against the presser's role", async () => {
    const finance = await teamMember(h, 7101, "finance");
    const support = await teamMember(h, 7102, "support");
    const asFinance = g.member({ id: finance.id });
    const asSupport = g.member({ id: support.id });
    const newcomer = h.telegram.user({ id: 7103, first_name: "Newbie", language_code: "en" });
    await newcomer.send("/start");
    const card = await inGroup(g, /Newbie/);
    expect(g.topics().find((t) => t.message_thread_id === card.message_thread_id)?.name).toBe("Resellers");

    const stranger = g.member({ id: 7198, first_name: "Passerby" });
    await stranger.press(/Approve/, { messageId: card.message_id });
    await expect.poll(() => stranger.callbackAnswers().length, { timeout: 8000 }).toBe(1);
    expect(stranger.callbackAnswers()[0]?.text).toBeUndefined();
    expect(await h.app.store.users.get(7198)).toBeUndefined();

    await asFinance.press(/Approve/, { messageId: card.message_id });
    await expect.poll(() => asFinance.callbackAnswers()[0]?.text, { timeout: 8000 }).toMatch(/needs the support role/);
    expect((await h.app.store.users.get(7103))?.status).toBe("pending");

    await asSupport.press(/Approve/, { messageId: card.message_id });
    await expect.poll(async () => (await h.app.store.users.get(7103))?.status, { timeout: 8000 }).toBe("active");
  });

  it("opens a support ticket in the Support topic (created for it); a member's reply there reaches the reseller", async () => {
    const helper = await teamMember(h, 7111, "support");
    const asHelper = g.member({ id: helper.id });
    const reseller = h.telegram.user({ id: 7112, first_name: "Asker", language_code: "en" });
    await h.app.store.users.createIfAbsent({
      id: 7112,
      firstName: "Asker",
      telegramLanguage: "en",
      status: "active",
      tier: "member",
      createdAt: Date.now(),
    });
    await reseller.send("/support my top-up did not arrive");
    await received(reseller, "is open");
    const card = await inGroup(g, /Ticket #\d+ /);
    const thread = card.message_thread_id!;
    expect(g.topics().find((t) => t.message_thread_id === thread)?.name).toBe("Support");
    expect(await h.app.store.operatorGroups.topic(g.id, "support")).toBe(thread);
    await inGroup(g, "my top-up did not arrive", thread);
    // Nobody's DM: the group is where the team reads tickets.
    expect(helper.messages().some((m) => m.text.includes("my top-up did not arrive"))).toBe(false);
    await asHelper.send("Checking it now", { replyTo: card.message_id, thread });
    await received(reseller, "Checking it now");
  });

  it("posts a transfer slip to review in the Deposits topic; finance approves there, the card shows who", async () => {
    const finance = await teamMember(h, 7121, "finance");
    const asFinance = g.member({ id: finance.id });
    const payer = h.telegram.user({ id: 7122, first_name: "Payer", language_code: "en" });
    await h.app.store.users.createIfAbsent({
      id: 7122,
      firstName: "Payer",
      telegramLanguage: "en",
      status: "active",
      tier: "member",
      createdAt: Date.now(),
    });
    await h.admin.send("/payee add IDR BCA 1234567890 a.n. PT Contoh");
    await received(h.admin, "added for IDR");
    await payer.send("/deposit");
    await received(payer, "Top up");
    await tap(payer, /Bank or e-wallet transfer/);
    await received(payer, "How much will you transfer");
    await payer.send("50.000");
    const reference = /reference in the transfer's note: (T[0-9A-Z]{10})/.exec(
      (await received(payer, "reference in the transfer")).text,
    )![1]!;
    await payer.sendPhoto({});
    await received(payer, "waiting for review");
    const card = await g.waitFor(
      () => g.messages().find((m) => m.photo !== undefined && m.text.includes(reference)),
      8000,
      "the slip card",
    );
    expect(g.topics().find((t) => t.message_thread_id === card.message_thread_id)?.name).toBe("Deposits");
    expect(finance.messages().some((m) => m.text.includes(reference))).toBe(false);
    await asFinance.press("✅ Approve", { messageId: card.message_id });
    await received(payer, "is approved");
    await g.waitFor(
      () => g.messages().find((m) => m.message_id === card.message_id && /Approved by Member7121/.test(m.text)),
      8000,
      "the card's outcome",
    );
    expect(await h.balance(7122, "IDR")).toBe(50_000);
  });

  it("takes admin commands from the team in the group, checks each one's role, and ignores everyone else", async () => {
    const owner = g.owner;
    await owner.send("/role");
    await inGroup(g, /The team/);

    await teamMember(h, 7105, "support");
    const support = g.member({ id: 7105 });
    await support.send("/credit 7105 1000 IDR");
    await inGroup(g, "/credit needs the finance role or higher. Nothing was changed.");

    const stranger = g.member({ id: 7199, first_name: "Stranger" });
    const before = g.messages().length;
    await stranger.send("/role");
    await stranger.send("/start");
    await stranger.send("/credit 7105 1000 IDR");
    await settle(800);
    expect(g.messages().length).toBe(before);
    expect(await h.app.store.users.get(7199)).toBeUndefined();
  });

  it("shows each member the admin commands of their role as the group's menu, changed with /role there", async () => {
    const names = (m: { commands(): { command: string }[] }) => m.commands().map((c) => c.command);
    expect(names(g.owner)).toContain("role");
    expect(names(g.owner)).not.toContain("products");
    await teamMember(h, 7104, "support");
    const member = g.member({ id: 7104 });
    await g.owner.send("/role 7104 finance");
    await inGroup(g, /now has: finance/);
    await expect.poll(() => names(member), { timeout: 8000 }).toContain("credit");
    expect(names(member)).not.toContain("role");
  });

  it("sends to the owners' DMs while the bot is out of the group, counted on /metrics; to the group again once it is back", async () => {
    g.kickBot();
    await expect.poll(async () => (await h.app.store.operatorGroups.get(g.id))?.removedAt, { timeout: 8000 }).toBeDefined();
    const before = await fallbacks(h, "removed");
    await depositAlert(h, "while-out");
    await received(h.admin, "deposit while-out");
    expect(await fallbacks(h, "removed")).toBe(before + 1);
    expect(count(g, "while-out")).toBe(0);

    g.addBot({ status: "administrator" });
    await expect.poll(async () => (await h.app.store.operatorGroups.get(g.id))?.removedAt, { timeout: 8000 }).toBeUndefined();
    await depositAlert(h, "back");
    await inGroup(g, "deposit back");
  });
});

describe.skipIf(!infra)("the operator group without topics, gone, and upgraded", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("a plain supergroup gets plain messages; once it is gone, the owners' DMs (chat not found, counted)", async () => {
    h = await withStores({ operatorGroup: { title: "Plain ops" } });
    const g = h.group!;
    await depositAlert(h, "plain");
    const m = await inGroup(g, "deposit plain");
    expect(m.message_thread_id).toBeUndefined();
    expect(g.topics()).toEqual([]);

    g.delete();
    await depositAlert(h, "gone");
    await received(h.admin, "deposit gone");
    expect(await fallbacks(h, "chat_not_found")).toBe(1);
  });

  it("a group the bot was kicked from (before it could hear of it) falls back too, as kicked", async () => {
    h = await withStores({ operatorGroup: { title: "Ops" } });
    const g = h.group!;
    // Workers stopped while they still connect leave BullMQ's rejections behind: let them run first.
    await depositAlert(h, "warm");
    await inGroup(g, "deposit warm");
    await h.app.stop();
    g.kickBot();
    // The kick waits unread: the next process may send before it reads it (403 kicked) or after (removed).
    const other = await h.another();
    await depositAlert({ ...h, app: other }, "kicked");
    await h.restart();
    await received(h.admin, "deposit kicked");
    expect((await fallbacks(h, "kicked")) + (await fallbacks(h, "removed"))).toBe(1);
  });

  it("posts the daily report once, in the Reports topic, to nobody's DM", async () => {
    // Hour 0: due now (the ops timer would send it on its next tick; the test asks at once).
    h = await withStores({ operatorGroup: { title: "Ops forum", forum: true }, env: { REPORT_HOUR: "0" } });
    const g = h.group!;
    expect(await h.app.ops.reports.sendIfDue()).toBe("sent");
    const report = await inGroup(g, /Daily report for/);
    expect(g.topics().find((t) => t.message_thread_id === report.message_thread_id)?.name).toBe("Reports");
    expect(await h.app.ops.reports.sendIfDue()).toBe("claimed");
    await settle(800);
    expect(count(g, "Daily report for")).toBe(1);
    expect(h.admin.messages()).toEqual([]);
  });

  it("follows a group Telegram upgraded to a supergroup: the new id is stored, later alerts and commands go there", async () => {
    h = await withStores({ operatorGroup: { title: "Small team", type: "group" } });
    const g = h.group!;
    await depositAlert(h, "before");
    await inGroup(g, "deposit before");

    const upgraded = g.migrate();
    await depositAlert(h, "after");
    await inGroup(upgraded, "deposit after");
    expect((await h.app.store.operatorGroups.get(g.id))?.chatId).toBe(upgraded.id);
    await depositAlert(h, "later");
    await inGroup(upgraded, "deposit later");

    await upgraded.member({ id: ADMIN_ID }).send("/role");
    await inGroup(upgraded, /The team/);
  });
});

describe.skipIf(!infra)("no operator group: the team's DMs by role", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await withStores();
  });
  afterAll(async () => h?.close());

  it("gives finance the deposits and not the registrations, support the registrations and not the deposits; owners all", async () => {
    const finance = await teamMember(h, 7201, "finance");
    const support = await teamMember(h, 7202, "support");
    await depositAlert(h, "dm");
    const newcomer = h.telegram.user({ id: 7203, first_name: "Fresh", language_code: "en" });
    await newcomer.send("/start");

    await received(finance, "deposit dm");
    await received(support, "Fresh");
    await received(h.admin, "deposit dm");
    await received(h.admin, "Fresh");
    await settle();
    expect(finance.messages().some((m) => m.text.includes("Fresh"))).toBe(false);
    expect(support.messages().some((m) => m.text.includes("deposit dm"))).toBe(false);
  });

  it("teamPost sends now to a topic's readers and says where each message landed", async () => {
    const sent = await h.app.services.teamPost("deposits", "admin-deposit-mismatch", { depositId: "post", billId: "b" });
    expect(sent.map((s) => s.chatId).sort()).toEqual([ADMIN_ID, 7201]);
    const m = await received(h.admin, "deposit post");
    expect(sent.find((s) => s.chatId === ADMIN_ID)?.messageId).toBe(m.message_id);
  });
});
