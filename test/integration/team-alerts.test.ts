import { afterEach, describe, expect, it } from "vitest";
import { botDelivery, teamChatDelivery } from "../../src/bot/delivery.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { Locale } from "../../src/domain/locale.js";
import { alertRouting } from "../../src/domain/team/alert-routing.js";
import { createOperatorGroup } from "../../src/domain/team/operator-group.js";
import { memoryQueues } from "../../src/jobs/memory.js";
import type { NotificationJob, TeamAlertJob } from "../../src/jobs/notifier.js";
import { teamAlerts } from "../../src/jobs/team-alerts.js";
import { RetryLater } from "../../src/jobs/types.js";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { memoryKv, memoryRecords } from "../../src/store/memory/index.js";
import { startFakeTelegram, type FakeGroup, type FakeTelegram } from "../fakes/telegram/index.js";

const OWNER = 5001;
let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** The operator group's sender over the fake Bot API, with memory stores; the owners' fallback jobs are collected. */
async function world(
  group: (t: FakeTelegram) => FakeGroup,
  opts: { locale?: Locale; rateLimits?: boolean; groupIntervalMs?: number } = {},
) {
  const telegram = await startFakeTelegram(opts.rateLimits ? {} : { rateLimits: false });
  cleanups.push(() => telegram.close());
  const owner = telegram.user({ id: OWNER, first_name: "Owner", language_code: "en" });
  const g = group(telegram);
  const records = memoryRecords();
  const logged: string[] = [];
  const logger = createLogger({ level: "warn", destination: { write: (line: string) => void logged.push(line) } });
  const queues = memoryQueues(logger);
  cleanups.push(() => queues.close());
  const fallbacks: (NotificationJob & { jobId?: string })[] = [];
  const recording = {
    ...queues,
    add: async <T>(_q: string, data: T, o?: { jobId?: string }) => void fallbacks.push({ ...(data as NotificationJob), jobId: o?.jobId }),
  };
  const deps = {
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    users: records.users,
    translator: createI18n(opts.locale ?? "en"),
    defaultLocale: opts.locale ?? "en",
    logger,
  };
  const operatorGroup = createOperatorGroup({ configuredId: g.id, store: records.operatorGroups });
  const metrics = createMetrics();
  const alerts = teamAlerts({
    group: operatorGroup,
    delivery: teamChatDelivery(deps),
    people: botDelivery(deps),
    routing: alertRouting({ group: true, ownerIds: [OWNER], users: records.users }),
    queues: recording as never,
    kv: memoryKv(),
    perChatIntervalMs: 1,
    groupIntervalMs: opts.groupIntervalMs ?? 1,
    logger,
    metrics,
  });
  const counted = async (reason: string) =>
    (await metrics.registry.getSingleMetric("operator_group_fallbacks_total")?.get())?.values.find((v) => v.labels.reason === reason)
      ?.value ?? 0;
  return { telegram, owner, g, records, alerts, fallbacks, logged, counted };
}

const job = (id: string, topic: TeamAlertJob["topic"] = "deposits"): TeamAlertJob => ({
  team: true,
  topic,
  key: "admin-deposit-mismatch",
  args: { depositId: id, billId: "b" },
  dedupeKey: `deposit:${id}:mismatch`,
});
const meta = { attempt: 0, final: false };

/** Runs a job as the queue would: a RetryLater waits its delay and runs it again with its patch. */
async function run(w: { alerts: { handle(j: TeamAlertJob, m: typeof meta): Promise<void> } }, j: TeamAlertJob): Promise<void> {
  for (;;) {
    try {
      return await w.alerts.handle(j, meta);
    } catch (err) {
      if (!(err instanceof RetryLater)) throw err;
      await new Promise((r) => setTimeout(r, err.delayMs));
      Object.assign(j, err.patch);
    }
  }
}

describe("the operator group's sender", () => {
  it("answers a 403 kicked with the owners' DMs, one job each with a dedupe id from the event's, counted and logged", async () => {
    const w = await world((t) => t.group({ title: "Ops" }));
    w.g.kickBot();
    await w.alerts.handle(job("k1"), meta);
    expect(w.fallbacks).toEqual([
      { userId: OWNER, key: "admin-deposit-mismatch", args: { depositId: "k1", billId: "b" }, jobId: `deposit:k1:mismatch:owner:${OWNER}` },
    ]);
    expect(await w.counted("kicked")).toBe(1);
    const line = w.logged.find((l) => l.includes("owners' DMs"))!;
    expect(JSON.parse(line)).toMatchObject({ reason: "kicked", key: "admin-deposit-mismatch", topic: "deposits" });
    expect(line).not.toContain(w.telegram.token);
  });

  it("sends into General when the bot may not create topics, and says why", async () => {
    const w = await world((t) => t.group({ title: "Forum", forum: true, botRights: { can_manage_topics: false } }));
    await w.alerts.handle(job("g1"), meta);
    const m = w.g.lastMessage()!;
    expect(m.text).toContain("deposit g1");
    expect(m.is_topic_message).toBeUndefined();
    expect(w.logged.join("")).toContain("not enough rights to create a topic");
    expect(w.fallbacks).toEqual([]);
  });

  it("names topics in the operator's default language", async () => {
    const w = await world((t) => t.group({ title: "Forum", forum: true }), { locale: "id" });
    await w.alerts.handle(job("i1", "providers"), meta);
    expect(w.g.topics().map((t) => t.name)).toEqual(["Penyedia"]);
  });

  it("creates one topic for two alerts of a kind at once", async () => {
    const w = await world((t) => t.group({ title: "Forum", forum: true }));
    await Promise.all([run(w, job("a")), run(w, job("b"))]);
    expect(w.g.topics()).toHaveLength(1);
    expect(w.g.messages({ thread: w.g.topics()[0]!.message_thread_id }).map((m) => m.text)).toEqual([
      expect.stringContaining("deposit a"),
      expect.stringContaining("deposit b"),
    ]);
  });

  it("post() returns where the message landed (chat, message, topic) for replies to be matched", async () => {
    const w = await world((t) => t.group({ title: "Forum", forum: true }));
    const [sent] = await w.alerts.post("support", "admin-deposit-mismatch", { depositId: "p1", billId: "b" });
    const m = w.g.lastMessage()!;
    expect(sent).toEqual({ chatId: w.g.id, messageId: m.message_id, threadId: m.message_thread_id });
    expect(w.g.topics().map((t) => t.name)).toEqual(["Support"]);
    // The group gone: the owners' DMs, each message's place returned.
    w.g.delete();
    const [dm] = await w.alerts.post("support", "admin-deposit-mismatch", { depositId: "p2", billId: "b" });
    expect(dm).toEqual({ chatId: OWNER, messageId: w.owner.messages().at(-1)!.message_id });
    expect(await w.counted("chat_not_found")).toBe(1);
  });

  it("paces the group at its own interval (Telegram's 20 a minute), not a DM's second", async () => {
    const w = await world((t) => t.group({ title: "Ops" }), { groupIntervalMs: 400 });
    const started = Date.now();
    await run(w, job("p1"));
    await run(w, job("p2"));
    await run(w, job("p3"));
    expect(w.g.messages()).toHaveLength(3);
    // Three slots of the clock in a row: the first may start late in its slot, so the last
    // comes at least one whole interval after the first (a DM's pace would need 1 ms here).
    expect(Date.now() - started).toBeGreaterThanOrEqual(395);
  });

  it("retries later on a 429 without falling back", async () => {
    const w = await world((t) => t.group({ title: "Ops" }), { rateLimits: true });
    let retried = 0;
    for (let i = 0; i < 40 && retried === 0; i++) {
      await w.alerts.handle(job(`r${i}`), meta).catch((err: unknown) => {
        expect((err as Error).name).toBe("RetryLater");
        retried++;
      });
    }
    expect(retried).toBe(1);
    expect(w.fallbacks).toEqual([]);
  });
});
