import { createDrafts } from "../../src/domain/drafts.js";
import type { MessageArgs, Notification, Notifier } from "../../src/domain/notifications.js";
import { createOrderService, type Scheduler } from "../../src/domain/orders.js";
import { createResellers } from "../../src/domain/resellers.js";
import { createPriceBook } from "../../src/domain/price-book.js";
import { createMaintenance } from "../../src/domain/maintenance.js";
import { createAuditTrail } from "../../src/domain/audit.js";
import { createLogger } from "../../src/observability/logger.js";
import {
  ProviderError,
  type PlaceOrderRequest,
  type PlaceOrderResult,
  type ProviderAdapter,
  type ProviderErrorKind,
  type ProviderId,
  type ProviderOrderStatus,
} from "../../src/providers/types.js";
import { memoryKv, memoryRecords } from "../../src/store/memory/index.js";
import type { OrderRecord, Store } from "../../src/store/types.js";

/**
 * The order service over the in-memory store and in-process fake providers: no Redis, no
 * PostgreSQL, no HTTP. Every side effect the service has on the outside (messages, jobs,
 * provider calls) is recorded for the tests to read.
 */

/** A provider answer: a result, an error to throw, or a promise the test settles itself. */
type Answer<T> = T | ProviderError | Promise<T>;

export interface FakeProvider {
  adapter: ProviderAdapter;
  /** Every order the provider was sent, in order. */
  placed: PlaceOrderRequest[];
  /** The next answers to placeOrder, first in first out; when empty: "processing". */
  answers: Answer<PlaceOrderResult>[];
  /** What getStatus answers for a provider order id (or our ref, when the answer was lost). */
  statuses: Map<string, Answer<ProviderOrderStatus>>;
  /** Provider order ids the account lists as recent (reconciliation without a status source). */
  recentOrderIds: string[];
}

export function providerError(kind: ProviderErrorKind, code: string, provider: ProviderId = "gametopup"): ProviderError {
  return new ProviderError({ provider, endpoint: "order", kind, code, message: `${kind}: ${code}` });
}

/** Resolves when `settle` is called: a provider call still on the wire. */
export function deferred<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

/** gametopup has a status endpoint; xinstitute has none (webhooks and its account only). */
export function fakeProvider(id: ProviderId, capabilities: { status: boolean }): FakeProvider {
  const fake: FakeProvider = { adapter: { id }, placed: [], answers: [], statuses: new Map(), recentOrderIds: [] };
  const answer = async <T>(next: Answer<T> | undefined, fallback: () => T): Promise<T> => {
    if (next instanceof ProviderError) throw next;
    return next === undefined ? fallback() : await next;
  };
  fake.adapter.ordering = {
    placeOrder: async (request) => {
      fake.placed.push(request);
      return answer(fake.answers.shift(), () => ({ providerOrderId: `P-${request.ref}`, state: "processing" as const }));
    },
  };
  if (capabilities.status) {
    fake.adapter.status = {
      getStatus: (providerOrderId) =>
        answer(fake.statuses.get(providerOrderId), () => {
          throw providerError("not_found", "transaction_not_found", id);
        }),
    };
  }
  fake.adapter.account = { getAccount: async () => ({ balance: { amount: 0, currency: "IDR" }, recentOrderIds: fake.recentOrderIds }) };
  return fake;
}

export interface AdminMessage {
  key: string;
  args?: MessageArgs;
  dedupeKey?: string;
}

/** Records what would be queued; a real queue sends one message per dedupe key. */
export function recordingNotifier() {
  const users: Notification[] = [];
  const admins: AdminMessage[] = [];
  const notifier: Notifier = {
    notifyUser: async (notification) => void users.push(notification),
    notifyAdmins: async (key, args, dedupeKey) => void admins.push({ key, args, dedupeKey }),
  };
  /** Messages a reader would get: one per dedupe key, as the notifications queue sends them. */
  const delivered = (userId: number) => [
    ...new Map(users.filter((n) => n.userId === userId).map((n) => [n.dedupeKey ?? Symbol(), n.key])).values(),
  ];
  return { notifier, users, admins, delivered };
}

export function recordingScheduler() {
  const placements: string[] = [];
  /** Per placement: whether it was a sweep's re-send (a fresh job id). */
  const placementAgain: boolean[] = [];
  const polls: string[] = [];
  const reconciles: string[] = [];
  const scheduler: Scheduler = {
    placement: async (orderId, options) => {
      placements.push(orderId);
      placementAgain.push(options?.again === true);
      return { queued: false };
    },
    statusPoll: async (orderId) => void polls.push(orderId),
    reconcile: async (orderId) => void reconciles.push(orderId),
  };
  return { scheduler, placements, placementAgain, polls, reconciles };
}

export function orderWorld(options: { pendingWindowMs?: number } = {}) {
  const store: Store = { ...memoryRecords(), kv: memoryKv() };
  const gametopup = fakeProvider("gametopup", { status: true });
  const xinstitute = fakeProvider("xinstitute", { status: false });
  const enabled = new Map<ProviderId, ProviderAdapter>([
    ["gametopup", gametopup.adapter],
    ["xinstitute", xinstitute.adapter],
  ]);
  const messages = recordingNotifier();
  const jobs = recordingScheduler();
  const deliveredOrders: string[] = [];
  const drafts = createDrafts(store.kv);
  const priceBook = createPriceBook(store.pricing, { markups: { member: 10, reseller: 5, vip: 2 } });
  const maintenance = createMaintenance({
    records: store.maintenance,
    audit: createAuditTrail(store.audit),
    isTeam: (user) => user.id === 1 || user.teamRole !== undefined,
  });
  const resellers = createResellers({ store, adminIds: [1], registration: "open", notifier: messages.notifier });
  const orders = createOrderService({
    store,
    providers: { list: () => [...enabled.values()], get: (id) => enabled.get(id) },
    drafts,
    priceBook,
    maintenance,
    resellers,
    notifier: messages.notifier,
    scheduler: jobs.scheduler,
    logger: createLogger({ level: "silent" }),
    pendingWindowMs: options.pendingWindowMs ?? 60_000,
    onDelivered: async (order) => void deliveredOrders.push(order.id),
  });

  let nextUser = 100;
  /** An active reseller holding `balance` IDR. */
  async function reseller(balance: number): Promise<number> {
    const id = nextUser++;
    await store.users.save({ id, firstName: `R${id}`, status: "active", tier: "reseller", createdAt: Date.now() });
    if (balance > 0)
      await store.ledger.apply({
        userId: id,
        currency: "IDR",
        amount: balance,
        type: "credit",
        reason: "deposit",
        actor: "admin:1",
        key: `seed:${id}`,
      });
    return id;
  }

  /** A confirmation card for `price` IDR, as the purchase conversation leaves it. */
  async function draft(userId: number, price: number, provider: ProviderId = "gametopup") {
    const product = {
      provider,
      sku: "ML86",
      name: "86 Diamonds",
      category: "Games",
      cost: { amount: price - 100, currency: "IDR" },
      inStock: true,
      input: { kind: "email" as const },
    };
    return drafts.create(
      userId,
      product,
      { amount: price, currency: "IDR" },
      provider === "gametopup" ? { playerId: "12345", zone: "2001" } : { email: "c@example.com" },
    );
  }

  /** Confirmed and charged, not yet sent (the placement job has not run). */
  async function accepted(userId: number, price = 1_000, provider: ProviderId = "gametopup"): Promise<OrderRecord> {
    const outcome = await orders.accept((await draft(userId, price, provider)).id, userId);
    if (outcome.kind !== "accepted") throw new Error(`expected an accepted order, got ${outcome.kind}`);
    return outcome.order;
  }

  /** Confirmed, charged and sent; the provider answered with its next scripted answer. */
  async function sent(userId: number, price = 1_000, provider: ProviderId = "gametopup"): Promise<OrderRecord> {
    const order = await accepted(userId, price, provider);
    await orders.send(order.id);
    return (await store.orders.get(order.id))!;
  }

  const balance = async (userId: number) => (await store.ledger.balances(userId)).IDR ?? 0;
  const state = async (orderId: string) => (await store.orders.get(orderId))?.state;
  /** Ledger entries of one order, oldest first, as "type amount". */
  async function entriesOf(order: OrderRecord) {
    const all = await store.ledger.entries(order.userId, { limit: 1_000 });
    return all
      .filter((e) => e.orderId === order.id)
      .reverse()
      .map((e) => `${e.type} ${e.amount}`);
  }

  return {
    store,
    orders,
    gametopup,
    xinstitute,
    enabled,
    messages,
    jobs,
    deliveredOrders,
    priceBook,
    maintenance,
    reseller,
    draft,
    accepted,
    sent,
    balance,
    state,
    entriesOf,
  };
}

export type OrderWorld = ReturnType<typeof orderWorld>;
