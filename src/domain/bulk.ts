import type { Money, Product, ProviderId } from "../providers/types.js";
import type { Kv, OrderRecord, PromoTakeRefusal, Store } from "../store/types.js";
import { checkPromo, normaliseCode, type PromoReason } from "./promos.js";
import type { Catalog } from "./catalog.js";
import { DRAFT_TTL_MS, type Drafts } from "./drafts.js";
import { newId } from "./ids.js";
import type { Notifier } from "./notifications.js";
import type { AcceptOutcome, OrderService } from "./orders.js";
import type { Resellers } from "./resellers.js";

/** One good line of a bulk top-up, numbered as the reseller sees it in their message. */
export interface BulkLine {
  line: number;
  playerId: string;
  zone?: string;
}

/** A line with its draft, whose id becomes its order's id (the line's idempotency key). */
export interface BatchLine extends BulkLine {
  orderId: string;
}

/** A bulk top-up: one product, one draft per line, kept in the store (not in a process) until summarised. */
export interface BulkBatch {
  id: string;
  userId: number;
  provider: ProviderId;
  sku: string;
  productName: string;
  unitPrice: Money;
  lines: BatchLine[];
  createdAt: number;
  /** Set when Confirm has gone through every line: no further order can appear. */
  confirmedAt?: number;
  /** A promo code on the card: every line's order takes one use of it; unitPrice is then the discounted one. */
  promo?: { code: string; discount: number; fullUnitPrice: Money; clamped?: boolean };
}

/** Why Confirm stopped placing lines before the end. */
export type BulkStop =
  | { kind: "insufficient"; balance: number }
  /** The code's uses ran out (or it was switched off) at this line: nothing charged for it or after it. */
  | { kind: "promo"; reason: PromoTakeRefusal }
  | Pick<Extract<AcceptOutcome, { kind: "blocked" }>, "kind" | "reason" | "maintenance">
  | { kind: "expired" };

export interface BulkPlaced {
  batch: BulkBatch;
  placed: BatchLine[];
  notPlaced: BatchLine[];
  stop?: BulkStop;
  /** Placed lines that wait in line for the provider's rate budget. */
  queued: number;
}

/** Where a line ended up once the provider has answered (or never got it). */
export type LineOutcome = "placed" | "refused" | "unknown" | "not_placed";

/** Long enough for any summary to be sent; the batch is only needed until then. */
const BATCH_TTL_MS = 2 * 24 * 3600_000;
/** A batch whose orders are still pending this long after Confirm is summarised anyway (them as unknown). */
const SUMMARY_GIVE_UP_MS = 6 * 3600_000;

const batchKey = (id: string) => `bulk:${id}`;
const claimKey = (id: string) => `bulk:${id}:claim`;
/** Which batch an order belongs to: its placement messages are folded into the batch's summary. */
export const batchOfOrderKey = (orderId: string) => `bulk:order:${orderId}`;

/** Batch ids read like order ids with a B: short, unambiguous, not mistaken for one. */
const newBatchId = () => newId("B");

export interface BulkDeps {
  kv: Kv;
  store: Pick<Store, "ledger" | "orders" | "promos">;
  resellers: Pick<Resellers, "get">;
  catalog: Pick<Catalog, "price">;
  drafts: Pick<Drafts, "create" | "discard" | "get" | "withPromo">;
  orders: Pick<OrderService, "confirm">;
  notifier: Notifier;
  /** Queues the durable job that sends the summary once every order has left "pending". */
  jobs: { summary(batchId: string): Promise<void> };
  maxLines: number;
}

export function outcomeOf(order: OrderRecord | undefined): LineOutcome | "pending" {
  if (!order || (order.state === "failed" && order.failure === "insufficient_funds")) return "not_placed";
  switch (order.state) {
    case "pending":
      return "pending";
    case "processing":
    case "completed":
    case "shipped":
      return "placed";
    case "unknown":
      return "unknown";
    default:
      return "refused";
  }
}

/** "#7 12345678 (2001)": a line as lists name it; digits and ids only, the same in every language. */
export function lineLabel(l: BulkLine): string {
  return `#${l.line} ${l.playerId}${l.zone ? ` (${l.zone})` : ""}`;
}

/**
 * Labels joined with ", ", cut to about `budget` characters with "… +N" for the rest: a list
 * of a hundred lines must still fit in one Telegram message (4096 characters).
 */
export function labelList(lines: readonly BulkLine[], budget = 1200): string {
  let out = "";
  for (const [i, line] of lines.entries()) {
    const next = (out ? ", " : "") + lineLabel(line);
    if (out.length + next.length > budget) return `${out} … +${lines.length - i}`;
    out += next;
  }
  return out;
}

/**
 * Bulk top-ups: many players for one product in one confirmation. Each line is an ordinary
 * order (its own draft, debit and placement job) confirmed through the order service, so a
 * line can be charged at most once however often Confirm is tapped.
 */
export function createBulk(deps: BulkDeps) {
  const { kv } = deps;

  const get = (id: string) => kv.getJson<BulkBatch>(batchKey(id));

  /** One draft per line at this moment's price for the reseller's tier, and the balance it is paid from. */
  async function quote(userId: number, product: Product, lines: readonly BulkLine[]): Promise<{ batch: BulkBatch; balance: number }> {
    const tier = (await deps.resellers.get(userId))?.tier ?? "member";
    const unitPrice = await deps.catalog.price(product, tier);
    const batch: BulkBatch = {
      id: newBatchId(),
      userId,
      provider: product.provider,
      sku: product.sku,
      productName: product.name,
      unitPrice,
      lines: [],
      createdAt: Date.now(),
    };
    for (const l of lines) {
      const draft = await deps.drafts.create(userId, product, unitPrice, { playerId: l.playerId, zone: l.zone });
      batch.lines.push({ ...l, orderId: draft.id });
      await kv.setJson(batchOfOrderKey(draft.id), batch.id, BATCH_TTL_MS);
    }
    await kv.setJson(batchKey(batch.id), batch, BATCH_TTL_MS);
    const balances = await deps.store.ledger.balances(userId);
    return { batch, balance: balances[unitPrice.currency] ?? 0 };
  }

  /**
   * The first Confirm (or Cancel) of a batch takes it; any later tap, from any process, finds
   * it taken. The lines' own drafts would already keep a second pass from charging anyone
   * twice: this keeps it from answering twice.
   */
  async function claim(id: string, userId: number): Promise<{ kind: "claimed"; batch: BulkBatch } | { kind: "already" | "expired" }> {
    const batch = await get(id);
    if (!batch || batch.userId !== userId) return { kind: "expired" };
    if (!(await kv.setIfAbsent(claimKey(id), "1", BATCH_TTL_MS))) return { kind: "already" };
    return { kind: "claimed", batch };
  }

  /**
   * Confirms the claimed batch's lines in order. A line is only tried while the balance covers
   * it (the debit itself still decides, atomically); once one cannot be placed, the rest are
   * not tried either, so no failed order is left behind for each of them.
   */
  async function place(batch: BulkBatch): Promise<BulkPlaced> {
    // Queued first: a process that dies half-way through still leaves a summary behind it.
    await deps.jobs.summary(batch.id);
    const price = batch.unitPrice.amount;
    let balance = (await deps.store.ledger.balances(batch.userId))[batch.unitPrice.currency] ?? 0;
    const placed: BatchLine[] = [];
    const notPlaced: BatchLine[] = [];
    let stop: BulkStop | undefined;
    let queued = 0;
    for (const line of batch.lines) {
      if (!stop && balance < price) stop = { kind: "insufficient", balance };
      if (stop) {
        notPlaced.push(line);
        await deps.drafts.discard(line.orderId);
        continue;
      }
      const out = await deps.orders.confirm(line.orderId, batch.userId);
      if (out.kind === "accepted" || out.kind === "queued" || out.kind === "sending") {
        placed.push(line);
        balance -= price;
        if (out.kind === "queued") queued++;
      } else if (out.kind === "existing") {
        (outcomeOf(out.order) === "not_placed" ? notPlaced : placed).push(line);
      } else {
        notPlaced.push(line);
        stop =
          out.kind === "insufficient"
            ? { kind: "insufficient", balance: out.balance }
            : out.kind === "blocked"
              ? { kind: "blocked", reason: out.reason, maintenance: out.maintenance }
              : out.kind === "promo"
                ? { kind: "promo", reason: out.reason }
                : { kind: "expired" };
      }
    }
    const done = { ...batch, confirmedAt: Date.now() };
    await kv.setJson(batchKey(batch.id), done, BATCH_TTL_MS);
    return { batch: done, placed, notPlaced, stop, queued };
  }

  /**
   * A promo code on the bulk card (SPEC §7): checked on one line's order (each line is its own
   * order, so the minimum is per line), then every line's draft is stored at the discounted
   * price. Each line's debit takes its own use: a code with fewer uses than lines discounts
   * the first lines, and Confirm stops at the first line it no longer covers.
   */
  async function applyPromo(
    id: string,
    userId: number,
    typed: string,
  ): Promise<{ ok: true; batch: BulkBatch; balance: number } | { ok: false; reason: PromoReason | "expired_card" }> {
    const batch = await get(id);
    if (!batch || batch.userId !== userId || batch.confirmedAt !== undefined) return { ok: false, reason: "expired_card" };
    const first = batch.lines[0] && (await deps.drafts.get(batch.lines[0].orderId));
    if (!first) return { ok: false, reason: "expired_card" };
    const code = normaliseCode(typed);
    const promo = code === undefined ? undefined : await deps.store.promos.get(code);
    const full = batch.promo?.fullUnitPrice ?? batch.unitPrice;
    const used = promo ? await deps.store.promos.usesBy(promo.code, userId) : 0;
    const checked = checkPromo(promo, { provider: batch.provider, sku: batch.sku, price: full, cost: first.unitCost }, used);
    if (!checked.ok || !promo) return { ok: false, reason: checked.ok ? "unknown" : checked.reason };
    const { discount, clamped } = checked.saving;
    for (const line of batch.lines) {
      const draft = await deps.drafts.get(line.orderId);
      if (!draft) return { ok: false, reason: "expired_card" };
      await deps.drafts.withPromo(draft, { code: promo.code, discount, fullPrice: full, ...(clamped && { clamped: true }) });
    }
    const next: BulkBatch = {
      ...batch,
      unitPrice: { amount: full.amount - discount, currency: full.currency },
      promo: { code: promo.code, discount, fullUnitPrice: full, ...(clamped && { clamped: true }) },
    };
    await kv.setJson(batchKey(batch.id), next, BATCH_TTL_MS);
    const balances = await deps.store.ledger.balances(userId);
    return { ok: true, batch: next, balance: balances[full.currency] ?? 0 };
  }

  /** Cancel: the drafts go, so nothing of the batch can be placed any more. */
  async function discard(id: string, userId: number): Promise<"dropped" | "already" | "expired"> {
    const claimed = await claim(id, userId);
    if (claimed.kind !== "claimed") return claimed.kind;
    for (const line of claimed.batch.lines) await deps.drafts.discard(line.orderId);
    await kv.del(batchKey(id));
    return "dropped";
  }

  /**
   * The summary job's check: "wait" while Confirm is still going through the lines or any
   * order is still pending; otherwise one message (deduplicated by the batch) with where
   * every line ended up.
   */
  async function summarize(id: string, now = Date.now()): Promise<"wait" | "done"> {
    const batch = await get(id);
    if (!batch) return "done";
    // Without confirmedAt the confirming process may still be at work, or have died: once the
    // drafts have expired no line can become an order any more.
    if (!batch.confirmedAt && now - batch.createdAt < DRAFT_TTL_MS) return "wait";
    const giveUp = now - (batch.confirmedAt ?? batch.createdAt) > SUMMARY_GIVE_UP_MS;
    const by: Record<LineOutcome, BatchLine[]> = { placed: [], refused: [], unknown: [], not_placed: [] };
    for (const line of batch.lines) {
      const outcome = outcomeOf(await deps.store.orders.get(line.orderId));
      if (outcome === "pending" && !giveUp) return "wait";
      by[outcome === "pending" ? "unknown" : outcome].push(line);
    }
    // Nothing reached the provider: Confirm's own answer already said everything.
    if (by.placed.length + by.refused.length + by.unknown.length === 0) return "done";
    const list = (lines: BatchLine[]) => (lines.length ? ` — ${labelList(lines, 900)}` : "");
    await deps.notifier.notifyUser({
      userId: batch.userId,
      key: "bulk-summary",
      args: {
        product: batch.productName,
        lines: batch.lines.length,
        placed: by.placed.length,
        refused: by.refused.length,
        refusedLines: list(by.refused),
        unknown: by.unknown.length,
        unknownLines: list(by.unknown),
        notPlaced: by.not_placed.length,
        notPlacedLines: list(by.not_placed),
      },
      dedupeKey: `bulk:${id}:summary`,
    });
    return "done";
  }

  return { maxLines: deps.maxLines, get, quote, applyPromo, claim, place, discard, summarize };
}

export type Bulk = ReturnType<typeof createBulk>;
