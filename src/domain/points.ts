/**
 * Loyalty points (vifox): the reseller's e-mail and registration, one award per delivered order,
 * and what /points shows. Provider calls happen in jobs (jobs/points.ts), which run the steps
 * below and wait as they say; nothing here knows grammY or BullMQ.
 */
import { delayFor } from "../lib/delays.js";
import type { Logger } from "../observability/logger.js";
import {
  type AddPointsResult,
  ProviderError,
  type PointsHistoryEntry,
  type PointsSource,
  type ProviderDirectory,
  type UserPoints,
} from "../providers/types.js";
import type { OrderRecord, PointsAwardRecord, Store, UserRecord } from "../store/types.js";
import type { MessageArgs, Notifier } from "./notifications.js";

/** The job side of points: queue an award or a registration (stable ids dedupe). */
export interface PointsJobs {
  /** Without `tag` the order's first job; a tag starts another one (a resumed or rebuilt award). */
  award(orderId: string, tag?: string): Promise<void>;
  register(userId: number): Promise<void>;
}

/** What a job does next: nothing, or run again after a wait. */
export type PointsStep = { kind: "done" } | { kind: "retry"; delayMs: number };

export type PointsOverview =
  | { kind: "off" }
  | { kind: "no_email" }
  /** The e-mail is known but not (or no longer) registered at vifox: a registration is queued. */
  | { kind: "registering"; email: string }
  | { kind: "unreachable"; email: string }
  | { kind: "ok"; email: string; points: number; history: PointsHistoryEntry[]; pending: { count: number; points: number } };

export interface PointsDeps {
  store: Store;
  providers: ProviderDirectory;
  notifier: Notifier;
  jobs: PointsJobs;
  logger: Logger;
  /** Points one delivered order earns; 0 turns awards off. */
  pointsPerOrder: number;
  /** Waits between attempts of an award or a registration that must be tried again. */
  retryDelaysMs?: readonly number[];
}

export const DEFAULT_POINTS_RETRY_DELAYS_MS = [30_000, 60_000, 120_000, 300_000, 900_000, 1_800_000, 3_600_000];
/** Order states that earn points: gametopup "Success" and xinstitute "shipped". */
export const DELIVERED_STATES = ["completed", "shipped"] as const;
const AWAITING_EMAIL = "awaiting_email";
/** Longer than a write (7 s) plus the client's rate-limit wait: one attempt per award at a time. */
const AWARD_LOCK_MS = 60_000;
/** How many history entries /points shows. */
const HISTORY_SHOWN = 8;

export function createPoints(deps: PointsDeps) {
  const { store, notifier, logger } = deps;
  const delays = deps.retryDelaysMs ?? DEFAULT_POINTS_RETRY_DELAYS_MS;
  const source = (): PointsSource | undefined => deps.providers.get("vifox")?.points;
  const retry = (attempt: number): PointsStep => ({
    kind: "retry",
    delayMs: delayFor(delays, Math.max(attempt - 1, 0)),
  });
  const done: PointsStep = { kind: "done" };

  /** Admins hear of a problem once per spell; a successful award ends every spell. */
  async function alertOnce(spell: "pool" | "auth", key: string, args: MessageArgs) {
    const since = String(Date.now());
    if (await store.kv.setIfAbsent(`points:spell:${spell}`, since)) await notifier.notifyAdmins(key, args, `points:${spell}:${since}`);
  }
  const endSpells = async () => {
    await store.kv.del("points:spell:pool");
    await store.kv.del("points:spell:auth");
  };

  /** Asks a reseller for their e-mail once, with a button into the e-mail flow. */
  async function askForEmail(userId: number) {
    if (!(await store.kv.setIfAbsent(`points:asked-email:${userId}`, "1"))) return;
    await notifier.notifyUser({
      userId,
      key: "points-ask-email",
      buttons: [[{ key: "points-btn-set-email", action: { kind: "set-points-email" } }]],
      dedupeKey: `points:ask-email:${userId}`,
    });
  }

  /** The order is delivered: one award row (its transaction id stored now), and its job. */
  async function orderDelivered(order: OrderRecord): Promise<void> {
    const points = source();
    if (!points || deps.pointsPerOrder <= 0) return;
    const user = await store.users.get(order.userId);
    const now = Date.now();
    const { award } = await store.awards.claim({
      orderId: order.id,
      userId: order.userId,
      // The column is required; an award waiting for the reseller's e-mail has none yet.
      email: user?.email ?? "",
      points: deps.pointsPerOrder,
      transactionId: points.newTransactionId(),
      state: "pending",
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    });
    if (award.state === "pending") await deps.jobs.award(order.id);
  }

  /**
   * Registers the user's current e-mail at vifox unless it is. Returns the user as it stands, or
   * a step when the call failed (transport and auth problems are waited out).
   */
  async function ensureRegistered(points: PointsSource, user: UserRecord, attempt: number): Promise<UserRecord | PointsStep> {
    if (!user.email || user.pointsRegisteredAt) return user;
    const email = user.email;
    try {
      // A registration needs no stored id: repeating one only lists the e-mail as existing.
      await points.registerUsers([{ email, firstName: user.firstName }], points.newTransactionId());
    } catch (err) {
      return failedCall(err, attempt, { userId: user.id }, async (code) => {
        // An e-mail vifox will not take is no use: it is dropped and the reseller asked for another.
        if ((await store.users.get(user.id))?.email === email) await store.users.patch(user.id, { email: null, pointsRegisteredAt: null });
        await notifier.notifyUser({
          userId: user.id,
          key: "points-email-refused",
          args: { email },
          buttons: [[{ key: "points-btn-set-email", action: { kind: "set-points-email" } }]],
          dedupeKey: `points:email-refused:${user.id}:${email}`,
        });
        logger.warn({ userId: user.id, code }, "vifox refused the reseller's e-mail");
      });
    }
    // "created" (new or already existing) and "duplicate" (a request with this id was accepted) both mean registered.
    const now = await store.users.get(user.id);
    if (now?.email !== email) return now ?? user; // changed meanwhile: its own registration follows
    return (await store.users.patch(user.id, { pointsRegisteredAt: Date.now() })) ?? now;
  }

  /**
   * Transport, auth and refusal errors of a call to vifox. Unknown outcomes and refusals that
   * pass are retried; a request vifox will never accept runs `refused`.
   */
  async function failedCall(err: unknown, attempt: number, context: object, refused: (code: string) => Promise<void>): Promise<PointsStep> {
    if (!(err instanceof ProviderError)) throw err;
    logger.warn({ ...context, kind: err.kind, code: err.code }, "vifox call failed");
    if (err.kind === "auth") {
      await alertOnce("auth", "admin-points-auth", { code: err.code });
      return retry(attempt);
    }
    if (err.kind === "rate_limited") return err.retryAfterMs ? { kind: "retry", delayMs: err.retryAfterMs } : retry(attempt);
    if (err.kind === "rejected" && err.code !== "request_expired") {
      await refused(err.code);
      return done;
    }
    return retry(attempt);
  }

  /** Ends an award (only a pending one changes) and says so to whom it concerns. */
  async function finish(a: PointsAwardRecord, state: "awarded" | "limit_reached" | "failed", note: string) {
    const ended = await store.awards.update(a.orderId, { state, note });
    if (!ended) return;
    if (state === "awarded") {
      await endSpells();
      await notifier.notifyUser({
        userId: a.userId,
        key: "points-awarded",
        args: { points: a.points, orderId: a.orderId },
        dedupeKey: `points:${a.orderId}:awarded`,
      });
    } else if (state === "limit_reached") {
      await notifier.notifyUser({
        userId: a.userId,
        key: "points-limit-reached",
        args: { orderId: a.orderId },
        dedupeKey: `points:${a.orderId}:limit`,
      });
    } else {
      await notifier.notifyAdmins(
        "admin-points-award-failed",
        { orderId: a.orderId, userId: String(a.userId), reason: note },
        `points:${a.orderId}:failed`,
      );
    }
  }

  /** One attempt at an order's award. */
  async function runAward(orderId: string): Promise<PointsStep> {
    const points = source();
    if (!points) return done; // vifox is off: the award waits, pending, until it is on again
    const lock = `lock:points-award:${orderId}`;
    // Another job of this award is at work: it carries the award on, this one is not needed.
    if (!(await store.kv.setIfAbsent(lock, "1", AWARD_LOCK_MS))) return done;
    try {
      return await attemptAward(points, orderId);
    } finally {
      await store.kv.del(lock);
    }
  }

  async function attemptAward(points: PointsSource, orderId: string): Promise<PointsStep> {
    let a = await store.awards.get(orderId);
    if (a?.state !== "pending") return done;
    const order = await store.orders.get(orderId);
    if (!order || !(DELIVERED_STATES as readonly string[]).includes(order.state)) {
      await finish(a, "failed", `order_${order?.state ?? "missing"}`);
      return done;
    }
    let user = await store.users.get(a.userId);
    if (!user?.email) {
      await store.awards.update(orderId, { note: AWAITING_EMAIL });
      await askForEmail(a.userId);
      return done; // resumed when the reseller gives an e-mail (resumeAwaiting)
    }
    for (let round = 0; round < 2; round++) {
      const registered = await ensureRegistered(points, user, a.attempts + 1);
      if ("kind" in registered) {
        // Refused: the e-mail was dropped, so the award waits for the reseller's next one.
        if (!(await store.users.get(a.userId))?.email) await store.awards.update(orderId, { note: AWAITING_EMAIL });
        return registered;
      }
      user = registered;
      if (!user.email) return done;
      // Counted and the e-mail recorded before the call; the transaction id was stored earlier.
      a = await store.awards.update(orderId, { email: user.email, attempts: a.attempts + 1, note: "sending" });
      if (!a) return done;
      let result: AddPointsResult;
      try {
        result = await points.addPoints(
          [{ email: a.email, points: a.points, description: `Order ${orderId}`, externalId: orderId }],
          a.transactionId,
        );
      } catch (err) {
        const current = a;
        // The id stays: after an unknown outcome its retry answers 410 if it was applied, and a
        // refused request did not use it. A fresh id here could pay a lost, applied call twice.
        if (err instanceof ProviderError)
          await store.awards.update(orderId, { note: `${err.definite ? "refused" : "unknown"}:${err.kind}:${err.code}` });
        return failedCall(err, current.attempts, { orderId }, (code) => finish(current, "failed", code));
      }
      if (result.kind === "duplicate") {
        // Only our own earlier call can have used this id: its answer was lost, and it was applied.
        await finish(a, "awarded", "duplicate");
        return done;
      }
      const email = a.email.toLowerCase();
      const outcome = result.outcomes.find((o) => o.email.toLowerCase() === email) ?? result.outcomes[0];
      if (outcome?.status === "awarded") {
        await finish(a, "awarded", "awarded");
        return done;
      }
      if (outcome?.status === "user_limit_reached") {
        await finish(a, "limit_reached", outcome.message || "user_limit_reached");
        return done;
      }
      if (outcome?.status === "other" || outcome?.status === "insufficient_user_points") {
        await finish(a, "failed", `${outcome.status}:${outcome.message}`);
        return done;
      }
      // The request was accepted, so its id is used: the next attempt needs a fresh one, stored now.
      a = await store.awards.update(orderId, { transactionId: points.newTransactionId(), note: outcome?.status ?? "no_verdict" });
      if (!a) return done;
      if (outcome?.status === "not_registered") {
        // vifox does not know the e-mail (never registered, or lost): register it and try once more now.
        user = (await store.users.patch(user.id, { pointsRegisteredAt: null })) ?? user;
        continue;
      }
      if (outcome?.status === "insufficient_pool") {
        logger.warn({ orderId }, "vifox liquidity pool too low for an award");
        await alertOnce("pool", "admin-points-pool-dry", { orderId, points: a.points });
      }
      return retry(a.attempts);
    }
    return retry(a.attempts);
  }

  /** A registration job: register the e-mail, then carry on the awards that waited for it. */
  async function runRegister(userId: number, attempt: number): Promise<PointsStep> {
    const points = source();
    if (!points) return done;
    const user = await store.users.get(userId);
    if (!user?.email) return done;
    const wasRegistered = !!user.pointsRegisteredAt;
    const after = await ensureRegistered(points, user, attempt + 1);
    if ("kind" in after) return after;
    if (!wasRegistered && after.pointsRegisteredAt && after.email === user.email) {
      await notifier.notifyUser({
        userId,
        key: "points-registered",
        args: { email: user.email },
        dedupeKey: `points:registered:${userId}:${after.pointsRegisteredAt}`,
      });
    }
    await resumeAwaiting(userId);
    return done;
  }

  /** Awards that stopped for want of an e-mail go on. */
  async function resumeAwaiting(userId: number) {
    for (const a of await store.awards.byUser(userId, 100)) {
      if (a.state === "pending" && a.note === AWAITING_EMAIL) await deps.jobs.award(a.orderId, `resume:${a.updatedAt}`);
    }
  }

  /** The reseller's e-mail, from the chat; a new one is registered again (in a job). */
  async function setEmail(userId: number, email: string): Promise<"saved" | "unchanged"> {
    const user = await store.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    if (user.email === email && user.pointsRegisteredAt) return "unchanged";
    await store.users.patch(userId, { email, pointsRegisteredAt: null });
    if (source()) await deps.jobs.register(userId);
    return "saved";
  }

  /** What /points shows: the reseller's points and history, read live. */
  async function overview(userId: number): Promise<PointsOverview> {
    const points = source();
    if (!points) return { kind: "off" };
    const user = await store.users.get(userId);
    if (!user?.email) return { kind: "no_email" };
    if (!user.pointsRegisteredAt) {
      await deps.jobs.register(userId);
      return { kind: "registering", email: user.email };
    }
    let found: UserPoints | undefined;
    try {
      [found] = await points.userPoints({ emails: [user.email], withHistory: true });
    } catch (err) {
      logger.warn({ err, userId }, "vifox user points unavailable");
      return { kind: "unreachable", email: user.email };
    }
    if (found?.status !== "valid") {
      // vifox does not know the e-mail after all: register it again.
      await store.users.patch(userId, { pointsRegisteredAt: null });
      await deps.jobs.register(userId);
      return { kind: "registering", email: user.email };
    }
    const pending = (await store.awards.byUser(userId, 100)).filter((a) => a.state === "pending");
    return {
      kind: "ok",
      email: user.email,
      points: found.points,
      // Assumption: the user's own side of a movement is the entry with reason "partner" (the
      // other, "user_partner", is the partner's pool); the document does not say.
      history: found.history.filter((h) => h.reason === "partner").slice(0, HISTORY_SHOWN),
      pending: { count: pending.length, points: pending.reduce((n, a) => n + a.points, 0) },
    };
  }

  /**
   * The backstop after Redis lost the jobs: every pending award without a queued job, quiet
   * for `quietMs`, gets one (unless it waits for an e-mail the reseller has not given).
   */
  async function reviveAwards(queued: ReadonlySet<string>, quietMs: number): Promise<number> {
    if (!source()) return 0;
    let revived = 0;
    for (const a of await store.awards.pending()) {
      if (queued.has(a.orderId) || Date.now() - a.updatedAt < quietMs) continue;
      if (a.note === AWAITING_EMAIL && !(await store.users.get(a.userId))?.email) continue;
      logger.info({ orderId: a.orderId }, "pending points award had no job queued: rescheduled");
      await deps.jobs.award(a.orderId, `revive:${a.updatedAt}`);
      revived++;
    }
    return revived;
  }

  return { orderDelivered, runAward, runRegister, setEmail, overview, reviveAwards, enabled: () => !!source() };
}

export type Points = ReturnType<typeof createPoints>;
