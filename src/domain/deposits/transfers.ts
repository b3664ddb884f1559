/**
 * Deposits by transfer (SPEC §6): a reseller pays into one of the operator's payees and sends
 * the slip; the team approves (one ledger credit, keyed by the deposit id), rejects with a
 * reason, or changes the amount first. The record is in the system of record from the moment
 * the slip arrives, so Redis loss or a restart never loses it.
 */
import { parseMajorToMinor } from "../../lib/money.js";
import type { Logger } from "../../observability/logger.js";
import type { Slip, Store, TransferDeposit } from "../../store/types.js";
import type { AuditTrail } from "../audit.js";
import { looksLikeId, newId } from "../ids.js";
import { money, type MessageArg, type Notifier } from "../notifications.js";

/** Open transfer deposits a reseller may have at once (each waits on a person). */
export const MAX_OPEN_TRANSFERS = 3;
/** An unreviewed deposit is raised to the team again after this long. */
export const DEFAULT_RAISE_AFTER_MS = 24 * 3600_000;
/** The reasons a reviewer can pick with one tap; anything else is typed. */
export const PRESET_REASONS = ["unreadable", "not_received", "wrong_amount", "duplicate"] as const;
export type PresetReason = (typeof PRESET_REASONS)[number];

export const newTransferId = () => newId("T");
export const looksLikeTransferId = (text: string) => looksLikeId("T", text);

/** What the team sees and edits: posted by bot/ (photos and buttons are Telegram's). */
export interface ReviewBoard {
  /** Posts the deposit's card to every target of the Deposits desk; a target that fails is logged and skipped. Returns how many were posted. */
  post(d: TransferDeposit, opts?: { raised?: boolean }): Promise<number>;
  /** Rewrites every posted card of the deposit as it stands now (an outcome and who, a new amount). */
  refresh(d: TransferDeposit): Promise<void>;
}

export type AmountCheck = { ok: true; amount: number } | { ok: false; reason: "format" | "low" | "high" };
export type StartCheck = { ok: true } | { ok: false; reason: "not_allowed" | "too_many" | "unavailable" };
export type SubmitOutcome =
  | { kind: "submitted"; deposit: TransferDeposit; posted: number }
  | { kind: "refused"; reason: "not_allowed" | "too_many" | "unavailable" | "low" | "high" };
export type Decision<T extends string> =
  | { kind: T; deposit: TransferDeposit }
  | { kind: "decided"; deposit: TransferDeposit }
  | { kind: "not_found" };

export interface TransferDepositsDeps {
  store: Store;
  notifier: Notifier;
  audit: AuditTrail;
  board: ReviewBoard;
  logger: Logger;
  /** Bounds per currency in whole units (config TRANSFER_LIMITS). */
  limits: Record<string, { min: number; max: number }>;
  raiseAfterMs?: number;
}

/** A stored reason as the reseller reads it: a preset's message id, or the reviewer's own words. */
export function reasonArg(reason: string | undefined): MessageArg {
  const preset = PRESET_REASONS.find((r) => reason === `preset:${r}`);
  return preset ? { t: `transfer-reason-${preset.replace("_", "-")}` } : (reason ?? "-");
}

export function createTransferDeposits(deps: TransferDepositsDeps) {
  const { store, notifier, audit, board, logger } = deps;
  const records = store.transfers;
  const raiseAfterMs = deps.raiseAfterMs ?? DEFAULT_RAISE_AFTER_MS;

  /** Minor-unit bounds of a currency (IDR and MMK have no decimals; USD does). */
  function limits(currency: string): { min: number; max: number } | undefined {
    const l = deps.limits[currency];
    const one = parseMajorToMinor("1", currency);
    return l && one !== undefined ? { min: l.min * one, max: l.max * one } : undefined;
  }

  function inLimits(currency: string, amount: number): "ok" | "low" | "high" | "unavailable" {
    const l = limits(currency);
    if (!l) return "unavailable";
    if (!Number.isSafeInteger(amount) || amount < l.min) return "low";
    return amount > l.max ? "high" : "ok";
  }

  /** Currencies a reseller can pay in now: a payee exists and the bounds are configured. */
  async function currencies(): Promise<string[]> {
    const payees = await records.payees();
    return [...new Set(payees.map((p) => p.currency))].filter((c) => limits(c) !== undefined).sort();
  }

  async function canStart(userId: number): Promise<StartCheck> {
    const user = await store.users.get(userId);
    if (user?.status !== "active") return { ok: false, reason: "not_allowed" };
    if ((await currencies()).length === 0) return { ok: false, reason: "unavailable" };
    if ((await records.openCount(userId)) >= MAX_OPEN_TRANSFERS) return { ok: false, reason: "too_many" };
    return { ok: true };
  }

  const outcomeArgs = (d: TransferDeposit) => ({ depositId: d.id, amount: money(d.amount, d.currency) });

  return {
    limits,
    currencies,
    canStart,
    payees: (currency: string) => records.payees(currency),
    get: (id: string) => records.get(id),

    /** A typed amount ("50000", "50.000", "12.50" for USD), as /credit reads it, within the currency's bounds. */
    checkAmount(text: string, currency: string): AmountCheck {
      const minor = limits(currency) ? parseMajorToMinor(text, currency) : undefined;
      if (minor === undefined || minor <= 0) return { ok: false, reason: "format" };
      const r = inLimits(currency, minor);
      return r === "ok" ? { ok: true, amount: minor } : { ok: false, reason: r === "unavailable" ? "format" : r };
    },

    /**
     * The slip has arrived: the deposit is recorded (submitted), marked when its slip was used
     * before, and its card posted to the team. `id` is the reference the reseller was shown.
     */
    async submit(input: { id: string; userId: number; currency: string; amount: number; slip: Slip }): Promise<SubmitOutcome> {
      const seen = await records.get(input.id);
      if (seen) return { kind: "submitted", deposit: seen, posted: (await records.cards(seen.id)).length };
      const start = await canStart(input.userId);
      if (!start.ok) return { kind: "refused", reason: start.reason };
      const r = inLimits(input.currency, input.amount);
      if (r !== "ok") return { kind: "refused", reason: r };
      const first = await records.firstWithSlip(input.slip.fileUniqueId, input.id);
      const now = Date.now();
      const deposit: TransferDeposit = {
        id: input.id,
        userId: input.userId,
        amount: input.amount,
        currency: input.currency,
        state: "submitted",
        slip: input.slip,
        ...(first && { duplicateOf: first.id }),
        createdAt: now,
        updatedAt: now,
      };
      if (!(await records.create(deposit))) {
        const raced = await records.get(input.id);
        if (raced) return { kind: "submitted", deposit: raced, posted: 0 };
        throw new Error(`transfer deposit ${input.id} could not be recorded`);
      }
      logger.info(
        { depositId: deposit.id, userId: deposit.userId, amount: deposit.amount, duplicateOf: first?.id },
        "transfer deposit submitted",
      );
      // A card that could not be posted is posted by the re-raise job later: the deposit stands.
      const posted = await board.post(deposit).catch((err: unknown) => {
        logger.error({ err, depositId: deposit.id }, "transfer review card could not be posted");
        return 0;
      });
      return { kind: "submitted", deposit, posted };
    },

    /** Approve: one credit, once, whoever presses and however often. */
    async approve(id: string, by: number): Promise<Decision<"approved"> & { balance?: number }> {
      const r = await records.approve(id, by, {
        reason: "transfer_deposit",
        actor: `admin:${by}`,
        key: id,
        note: `transfer deposit ${id}`,
      });
      if (r.kind === "decided") return r.deposit ? { kind: "decided", deposit: r.deposit } : { kind: "not_found" };
      const d = r.deposit;
      logger.info({ depositId: id, by, amount: d.amount }, "transfer deposit approved and credited");
      await audit.record(by, "transfer_approve", { target: id, after: { amount: d.amount, currency: d.currency, user: d.userId } });
      await notifier.notifyUser({
        userId: d.userId,
        key: "transfer-approved",
        args: { ...outcomeArgs(d), balance: money(r.entry.balanceAfter, d.currency) },
        dedupeKey: `transfer:${id}:outcome`,
      });
      await board.refresh(d);
      return { kind: "approved", deposit: d, balance: r.entry.balanceAfter };
    },

    /** Reject with a reason (a preset's name or the reviewer's words); the reseller is told it. */
    async reject(id: string, by: number, reason: { preset: PresetReason } | { text: string }): Promise<Decision<"rejected">> {
      const stored = "preset" in reason ? `preset:${reason.preset}` : reason.text.trim().slice(0, 500);
      const d = await records.reject(id, by, stored);
      if (!d) {
        const now = await records.get(id);
        return now ? { kind: "decided", deposit: now } : { kind: "not_found" };
      }
      logger.info({ depositId: id, by }, "transfer deposit rejected");
      await audit.record(by, "transfer_reject", { target: id, note: stored });
      await notifier.notifyUser({
        userId: d.userId,
        key: "transfer-rejected",
        args: { ...outcomeArgs(d), reason: reasonArg(stored) },
        dedupeKey: `transfer:${id}:outcome`,
      });
      await board.refresh(d);
      return { kind: "rejected", deposit: d };
    },

    /** A new amount before approval (what the slip really shows), within the bounds. */
    async changeAmount(id: string, by: number, amount: number): Promise<Decision<"changed"> | { kind: "low" } | { kind: "high" }> {
      const before = await records.get(id);
      if (!before) return { kind: "not_found" };
      const r = inLimits(before.currency, amount);
      if (r === "low") return { kind: "low" };
      if (r === "high") return { kind: "high" };
      const d = await records.changeAmount(id, amount);
      if (!d) return { kind: "decided", deposit: before };
      await audit.record(by, "transfer_amount", { target: id, before: { amount: before.amount }, after: { amount }, note: d.currency });
      await board.refresh(d);
      return { kind: "changed", deposit: d };
    },

    /**
     * Deposits left unreviewed for raiseAfterMs are posted to the team again (also the repair
     * for a card that could never be posted). Each is claimed in the store, so with several
     * processes one raises it.
     */
    async raiseDue(now = Date.now()): Promise<number> {
      let raised = 0;
      for (const d of await records.unreviewedSince(now - raiseAfterMs)) {
        if (!(await records.markRaised(d.id, d.raisedAt, now))) continue;
        const posted = await board.post(d, { raised: true }).catch((err: unknown) => {
          logger.error({ err, depositId: d.id }, "transfer review card could not be raised again");
          return 0;
        });
        logger.info({ depositId: d.id, posted }, "unreviewed transfer deposit raised again");
        raised += 1;
      }
      return raised;
    },

    /** Card posts that failed at submit: raised at once by the next tick, not after a day. */
    async repairUnposted(): Promise<number> {
      let fixed = 0;
      for (const d of await records.unreviewedSince(Date.now() + 1)) {
        if (d.raisedAt !== undefined || (await records.cards(d.id)).length > 0) continue;
        if (!(await records.markRaised(d.id, undefined, Date.now()))) continue;
        if ((await board.post(d, { raised: true }).catch(() => 0)) > 0) fixed += 1;
      }
      return fixed;
    },
  };
}

export type TransferDeposits = ReturnType<typeof createTransferDeposits>;
