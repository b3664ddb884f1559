/**
 * Wallet deposits paid through a payment provider's bill (xpay). A wallet is credited only from
 * the bill as read from the provider's API, and once per deposit: the ledger entry's idempotency
 * key first, then a compare-and-set of the deposit out of "open". Hints (the unsigned webhook)
 * and the periodic check only ask for such a read; nothing they carry is believed.
 */
import { looksLikeId, newId } from "./ids.js";
import { exponentOf, isCurrency, parseMajorToMinor } from "../lib/money.js";
import type { Logger } from "../observability/logger.js";
import { ProviderError, type Bill, type PaymentHint, type PaymentsSource, type ProviderDirectory } from "../providers/types.js";
import type { DepositRecord, DepositState, Store } from "../store/types.js";
import { money, type MessageArgs, type Notifier } from "./notifications.js";

/** Limits in minor units of `currency`. */
export interface DepositLimits {
  currency: string;
  min: number;
  max: number;
  /** The amounts offered as buttons (only those within min..max). */
  amounts: number[];
}

/** The jobs the deposit flow hands its provider calls to (jobs/deposits.ts). */
export interface DepositJobs {
  /** Creates the deposit's bill at the provider. */
  create(depositId: string): Promise<void>;
  /** Re-reads the deposit's bill and applies it; asks made while one is queued are merged into it. */
  check(depositId: string, delayMs?: number): Promise<void>;
  /** Cancels the deposit's bill at the provider and applies the answer. */
  cancel(depositId: string): Promise<void>;
}

export type AmountCheck = { ok: true; amount: number } | { ok: false; reason: "format" | "low" | "high" };

export type RequestOutcome =
  | { kind: "queued"; deposit: DepositRecord }
  | { kind: "unavailable" }
  | { kind: "not_allowed" }
  | { kind: "low" | "high" }
  | { kind: "too_many"; max: number };

export type CancelRequest = { kind: "queued" } | { kind: "not_found" } | { kind: "settled"; state: DepositState };

export type HintOutcome = "queued" | "unknown_bill" | "settled";

/** Open deposits a reseller may have at once: each is a bill at xpay and a re-read every minute. */
export const MAX_OPEN_DEPOSITS = 3;
/** A deposit with no bill found by its reference this long after creation never got one. */
export const DEFAULT_LOST_AFTER_MS = 120_000;
/** After an unanswered create, when to look the bill up by its reference. */
const RECHECK_AFTER_MS = 10_000;

/** Our deposit id and the bill's reference at xpay, e.g. D7KQ2M9XD4T (like order ids, with a D). */
export const newDepositId = () => newId("D");
export const looksLikeDepositId = (text: string) => looksLikeId("D", text);

/** Bill expiry for a chat message: one unambiguous form in every language. */
export function formatExpiry(at: number | undefined): string {
  return at === undefined ? "-" : `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export interface DepositServiceDeps {
  store: Store;
  providers: ProviderDirectory;
  notifier: Notifier;
  jobs: DepositJobs;
  logger: Logger;
  /** From the configuration: whole currency units. */
  config: { currency: string; min: number; max: number; amounts: number[] };
  lostAfterMs?: number;
}

export type DepositService = ReturnType<typeof createDepositService>;

export function createDepositService(deps: DepositServiceDeps) {
  const { store, notifier, logger } = deps;
  const currency = deps.config.currency;
  // An unknown currency leaves deposits off (the xpay adapter refuses it at start anyway).
  const unit = isCurrency(currency) ? 10 ** exponentOf(currency) : 0;
  const limits: DepositLimits = {
    currency,
    min: deps.config.min * unit,
    max: deps.config.max * unit,
    amounts: deps.config.amounts.filter((a) => a >= deps.config.min && a <= deps.config.max).map((a) => a * unit),
  };
  const lostAfterMs = deps.lostAfterMs ?? DEFAULT_LOST_AFTER_MS;
  const payments = (): PaymentsSource | undefined => (unit > 0 ? deps.providers.get("xpay")?.payments : undefined);
  const creditKey = (id: string) => `deposit:${id}:credit`;

  function inLimits(amount: number): "ok" | "low" | "high" {
    if (!Number.isSafeInteger(amount) || amount < limits.min) return "low";
    return amount > limits.max ? "high" : "ok";
  }

  /** One message when a deposit ends, whichever path ends it (a hint, the poller, a cancel). */
  const notifySettled = (d: DepositRecord, key: string, args: MessageArgs = {}) =>
    notifier.notifyUser({
      userId: d.userId,
      key,
      args: { depositId: d.id, amount: money(d.amount.amount, d.amount.currency), ...args },
      dedupeKey: `deposit:${d.id}:settled`,
    });

  /** The bill must be this deposit's, for its sum: anything else is never applied. */
  function sameBill(d: DepositRecord, bill: Bill): boolean {
    return (
      bill.reference === d.id &&
      (d.billId === undefined || bill.id === d.billId) &&
      bill.amount.amount === d.amount.amount &&
      bill.amount.currency === d.amount.currency
    );
  }

  async function mismatch(d: DepositRecord, bill: Bill): Promise<void> {
    logger.error(
      { depositId: d.id, billId: bill.id, reference: bill.reference, amount: bill.amount },
      "xpay bill does not match its deposit: not applied",
    );
    await notifier.notifyAdmins("admin-deposit-mismatch", { depositId: d.id, billId: bill.id }, `deposit:${d.id}:mismatch`);
  }

  /** Applies a bill read from the API to its open deposit. */
  async function apply(d: DepositRecord, bill: Bill): Promise<DepositState> {
    if (!sameBill(d, bill)) {
      await mismatch(d, bill);
      return "open";
    }
    switch (bill.status) {
      case "unpaid":
        return "open";
      case "paid": {
        // Credit first: if the process dies before the deposit is settled, the next check
        // credits again under the same key, which changes nothing, and then settles it.
        const r = await store.ledger.apply({
          userId: d.userId,
          currency: d.amount.currency,
          amount: d.amount.amount,
          type: "credit",
          reason: "deposit",
          actor: "system",
          key: creditKey(d.id),
          note: `xpay bill ${bill.id}`,
        });
        if (!r.ok) throw new Error("a credit can never be refused for funds");
        await notifySettled(d, "deposit-paid", { balance: money(r.entry.balanceAfter, d.amount.currency) });
        await store.deposits.settle(d.id, "paid");
        logger.info({ depositId: d.id, billId: bill.id, userId: d.userId, duplicate: r.duplicate }, "deposit paid and credited");
        return "paid";
      }
      case "expired":
      case "cancelled":
        await notifySettled(d, `deposit-${bill.status}`);
        await store.deposits.settle(d.id, bill.status);
        return bill.status;
    }
  }

  const closedUnpaid = (d: DepositRecord) => d.state === "expired" || d.state === "cancelled";

  /**
   * A bill xpay reports paid after we closed its deposit unpaid (a late payment it accepted):
   * never credited on its own (the deposit is settled), always reported to the admins once.
   */
  async function paidAfterClosing(d: DepositRecord, pay: PaymentsSource): Promise<void> {
    if (!d.billId) return;
    const bill = await pay.getBill(d.billId);
    if (bill.status !== "paid" || !sameBill(d, bill) || (await store.ledger.entryByKey(creditKey(d.id)))) return;
    logger.warn({ depositId: d.id, billId: bill.id, state: d.state }, "xpay took a payment for a deposit closed unpaid");
    await notifier.notifyAdmins("admin-deposit-paid-closed", { depositId: d.id, billId: bill.id }, `deposit:${d.id}:paid-closed`);
  }

  /** A deposit that has no bill and can have none now: closed, and the reseller told. */
  async function fail(d: DepositRecord, why: string, key = "deposit-failed"): Promise<void> {
    if (!(await store.deposits.settle(d.id, "cancelled"))) return;
    logger.warn({ depositId: d.id, why }, "deposit closed without a bill");
    await notifySettled(d, key);
  }

  /** Records a bill found for a deposit; shows it to the reseller while it can be paid. */
  async function attach(d: DepositRecord, bill: Bill, pay: PaymentsSource, announce: boolean): Promise<DepositRecord | undefined> {
    if (!sameBill(d, bill)) {
      await mismatch(d, bill);
      return undefined;
    }
    const attached = await store.deposits.attachBill(d.id, {
      billId: bill.id,
      payUrl: bill.payUrl,
      instructions: bill.instructions,
      expiresAt: bill.expiresAt,
    });
    if (!attached) {
      // The deposit was closed meanwhile: nobody may pay this bill now.
      if (bill.status === "unpaid")
        await pay
          .cancelBill(bill.id)
          .catch((err: unknown) => logger.warn({ err, depositId: d.id }, "could not cancel the bill of a closed deposit"));
      if (bill.status === "paid" && !(await store.ledger.entryByKey(creditKey(d.id)))) {
        await notifier.notifyAdmins("admin-deposit-paid-closed", { depositId: d.id, billId: bill.id }, `deposit:${d.id}:paid-closed`);
      }
      return undefined;
    }
    if (announce && bill.status === "unpaid") {
      await notifier.notifyUser({
        userId: d.userId,
        key: "deposit-bill",
        args: {
          depositId: d.id,
          amount: money(d.amount.amount, d.amount.currency),
          expires: formatExpiry(bill.expiresAt),
          instructions: bill.instructions ?? "",
          hasInstructions: bill.instructions ? "yes" : "no",
        },
        buttons: [
          ...(bill.payUrl ? [[{ key: "btn-deposit-pay", url: bill.payUrl }]] : []),
          [{ key: "btn-deposit-cancel", action: { kind: "cancel-deposit", depositId: d.id } }],
        ],
        dedupeKey: `deposit:${d.id}:bill`,
      });
    }
    return attached;
  }

  /** The deposit's bill: by its id once known, else by our reference (a create whose answer was lost). */
  async function findBill(d: DepositRecord, pay: PaymentsSource): Promise<Bill | undefined> {
    if (d.billId) return pay.getBill(d.billId);
    return (await pay.searchBills({ reference: d.id })).find((b) => b.reference === d.id);
  }

  return {
    limits: () => limits,
    enabled: () => payments() !== undefined,

    /** A typed amount in whole units ("50000", "50.000") to minor units within the limits. */
    checkAmount(text: string): AmountCheck {
      const minor = unit > 0 ? parseMajorToMinor(text, currency) : undefined;
      if (minor === undefined || minor % unit !== 0) return { ok: false, reason: "format" };
      const r = inLimits(minor);
      return r === "ok" ? { ok: true, amount: minor } : { ok: false, reason: r };
    },

    /** Opens a deposit and queues its bill: the record exists before xpay is asked, so a lost answer is found by reference. */
    /** One deposit per amount picker (a chat's message), however often it is tapped: true the first time. */
    claimPicker(chatId: number, messageId: number): Promise<boolean> {
      return store.kv.setIfAbsent(`deposit:picked:${chatId}:${messageId}`, "1", 24 * 3600_000);
    },

    async request(userId: number, amount: number): Promise<RequestOutcome> {
      if (!payments()) return { kind: "unavailable" };
      const user = await store.users.get(userId);
      if (user?.status !== "active") return { kind: "not_allowed" };
      const r = inLimits(amount);
      if (r !== "ok") return { kind: r };
      const open = (await store.deposits.byUser(userId, { limit: 50 })).filter((d) => d.state === "open");
      if (open.length >= MAX_OPEN_DEPOSITS) return { kind: "too_many", max: MAX_OPEN_DEPOSITS };
      for (;;) {
        const now = Date.now();
        const deposit: DepositRecord = {
          id: newDepositId(),
          userId,
          amount: { amount, currency },
          state: "open",
          createdAt: now,
          updatedAt: now,
        };
        if (!(await store.deposits.create(deposit))) continue; // an id taken already: draw another
        await deps.jobs.create(deposit.id);
        logger.info({ depositId: deposit.id, userId, amount }, "deposit opened");
        return { kind: "queued", deposit };
      }
    },

    /** Job: asks xpay for the bill; never twice for one deposit, and never without a way back to it. */
    async createBill(id: string, final = true): Promise<void> {
      const d = await store.deposits.get(id);
      const pay = payments();
      if (d?.state !== "open" || d.billId || !pay) return;
      let bill: Bill;
      try {
        bill = await pay.createBill({
          amount: d.amount.amount,
          currency: d.amount.currency,
          reference: d.id,
          description: `Wallet deposit ${d.id}`,
        });
      } catch (err) {
        // Not sent (no connection), or refused for the rate only: the job tries again a little later.
        if (err instanceof ProviderError && (err.kind === "rate_limited" || err.code === "unreachable") && !final) throw err;
        if (err instanceof ProviderError && err.definite && err.code !== "duplicate_reference") {
          // xpay answered and made no bill: there is nothing to pay and nothing to credit.
          logger.warn({ depositId: id, kind: err.kind, code: err.code }, "xpay refused the bill");
          return fail(d, `create refused: ${err.code}`);
        }
        // Unknown outcome (or a bill with our reference exists already): found again by reference.
        logger.warn({ err, depositId: id }, "xpay bill creation outcome unknown; looking it up by reference");
        await notifier.notifyUser({
          userId: d.userId,
          key: "deposit-delayed",
          args: { depositId: d.id, amount: money(d.amount.amount, d.amount.currency) },
          dedupeKey: `deposit:${id}:delayed`,
        });
        await deps.jobs.check(id, RECHECK_AFTER_MS);
        return;
      }
      await attach(d, bill, pay, true);
    },

    /** Job: re-reads the bill from the API and applies it. Returns where the deposit stands. */
    async check(id: string): Promise<DepositState | undefined> {
      const d = await store.deposits.get(id);
      const pay = payments();
      if (!d || !pay) return d?.state;
      if (closedUnpaid(d)) {
        await paidAfterClosing(d, pay);
        return d.state;
      }
      if (d.state !== "open") return d.state;
      const bill = await findBill(d, pay);
      if (!bill) {
        if (Date.now() - d.createdAt >= lostAfterMs) await fail(d, "no bill with its reference");
        return (await store.deposits.get(id))?.state;
      }
      if (d.billId) return apply(d, bill);
      // Found by reference: the create's answer was lost. The reseller now gets the bill.
      const attached = await attach(d, bill, pay, true);
      return attached ? apply(attached, bill) : (await store.deposits.get(id))?.state;
    },

    /** Job: cancels the bill at xpay; a bill paid or expired meanwhile is applied as it is. */
    async cancel(id: string, final: boolean): Promise<void> {
      const d = await store.deposits.get(id);
      const pay = payments();
      if (d?.state !== "open" || !pay) return;
      try {
        const found = await findBill(d, pay);
        if (!found) return fail(d, "cancelled before a bill existed", "deposit-cancelled");
        const withBill = d.billId ? d : await attach(d, found, pay, false);
        if (!withBill) return;
        let bill: Bill;
        try {
          bill = found.status === "unpaid" ? await pay.cancelBill(found.id) : found;
        } catch (err) {
          // Refused: the bill is no longer unpaid (paid or expired a moment ago); read it as it is.
          if (!(err instanceof ProviderError) || (err.kind !== "rejected" && err.kind !== "not_found")) throw err;
          bill = await pay.getBill(found.id);
        }
        if ((await apply(withBill, bill)) === "open") throw new Error(`xpay still shows bill ${bill.id} as unpaid after the cancel`);
      } catch (err) {
        if (!final) throw err;
        logger.warn({ err, depositId: id }, "deposit could not be cancelled");
        await notifier.notifyUser({
          userId: d.userId,
          key: "deposit-cancel-failed",
          args: { depositId: d.id },
          dedupeKey: `deposit:${id}:cancel-failed:${Date.now()}`,
        });
      }
    },

    /** The reseller's cancel button: checks ownership and queues the cancel. */
    async requestCancel(id: string, userId: number): Promise<CancelRequest> {
      const d = await store.deposits.get(id);
      if (!d || d.userId !== userId) return { kind: "not_found" };
      if (d.state !== "open") return { kind: "settled", state: d.state };
      await deps.jobs.cancel(id);
      return { kind: "queued" };
    },

    /** An unsigned notification: only our own open deposits are re-read, never anything else at xpay. */
    async hint(h: PaymentHint): Promise<HintOutcome> {
      let d = h.billId !== undefined ? await store.deposits.byBillId(h.billId) : undefined;
      if (!d && h.reference !== undefined && looksLikeDepositId(h.reference)) d = await store.deposits.get(h.reference);
      if (!d) return "unknown_bill";
      // A closed, unpaid deposit is read again too: xpay may take a payment after the expiry.
      if (d.state !== "open" && !(closedUnpaid(d) && d.billId !== undefined)) return "settled";
      await deps.jobs.check(d.id);
      return "queued";
    },

    /** The periodic fallback: the open deposits `select` picks (default: all) are re-read. */
    async sweep(select: (open: DepositRecord[]) => Promise<DepositRecord[]> = async (open) => open): Promise<number> {
      const picked = await select(await store.deposits.open());
      for (const d of picked) await deps.jobs.check(d.id);
      return picked.length;
    },

    openFor: async (userId: number) => (await store.deposits.byUser(userId, { limit: 50 })).filter((d) => d.state === "open"),
  };
}
