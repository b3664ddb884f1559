import type { Role } from "./permissions.js";

/**
 * The operator group's topics (SPEC §5): one per kind of alert. In a forum the bot creates each
 * the first time it needs it; elsewhere the kind decides who reads it in their DMs.
 */
export const TOPICS = ["orders", "deposits", "resellers", "providers", "support", "reports"] as const;
export type Topic = (typeof TOPICS)[number];

/** The message id of a topic's title (rendered in the operator's default language when it is created). */
export const topicTitleKey = (topic: Topic) => `topic-${topic}`;

/**
 * Every team alert's message id and its topic. An alert missing here would land in the group's
 * General topic; test/unit/alert-topics.test.ts finds every alert the code sends and requires it here.
 */
const ALERT_TOPICS: Record<string, Topic> = {
  // Orders: unknown outcomes, failures, refunds, webhooks we cannot match, the cost guard on placement.
  "admin-order-unknown": "orders",
  "admin-refunded-delivered": "orders",
  "admin-delivery-failed": "orders",
  "admin-webhook-unknown-order": "orders",
  "admin-reconcile-gave-up": "orders",
  "admin-reconcile-manual": "orders",
  "admin-late-answer": "orders",
  "admin-cost-above": "orders",
  // Deposits.
  "admin-deposit-mismatch": "deposits",
  "admin-deposit-paid-closed": "deposits",
  // Resellers: new registrations (with Approve / Reject).
  "admin-new-registration": "resellers",
  // Providers: credentials, balances and pools, the price guard, points and licence events, maintenance.
  "admin-provider-auth": "providers",
  "admin-price-paused-alert": "providers",
  "admin-price-resumed-alert": "providers",
  "admin-points-auth": "providers",
  "admin-points-pool-dry": "providers",
  "admin-points-award-failed": "providers",
  "ops-balance-low": "providers",
  "ops-balance-recovered": "providers",
  "ops-pool-low": "providers",
  "ops-pool-recovered": "providers",
  "xen-admin-license-activated": "providers",
  "xen-admin-license-domain-changed": "providers",
  "xen-admin-license-revoked": "providers",
  "xen-admin-order-paid": "providers",
  "xen-admin-order-refunded": "providers",
  "xen-admin-subscription-canceled": "providers",
  "xen-admin-subscription-created": "providers",
  "admin-provider-maintenance-on": "providers",
  "admin-provider-maintenance-off": "providers",
  // Reports.
  "ops-report": "reports",
};

/** The topic of an alert's message id; undefined for one nobody filed (General, and every owner and admin). */
export const topicOf = (key: string): Topic | undefined => (Object.hasOwn(ALERT_TOPICS, key) ? ALERT_TOPICS[key] : undefined);

/** The alert ids that have a topic (the unit test checks the code's alerts against it). */
export const ALERT_KEYS: readonly string[] = Object.keys(ALERT_TOPICS);

/**
 * Who reads which topic in their DMs when there is no operator group: owners and admins read
 * everything; finance the money (orders, deposits, reports); support the people (resellers,
 * support tickets). Beside the permission table in spirit: each reads what their role acts on.
 */
const TOPIC_READERS: Record<Topic, readonly Role[]> = {
  orders: ["owner", "admin", "finance"],
  deposits: ["owner", "admin", "finance"],
  resellers: ["owner", "admin", "support"],
  providers: ["owner", "admin"],
  support: ["owner", "admin", "support"],
  reports: ["owner", "admin", "finance"],
};

/** The roles that read a topic's alerts in their DMs (no topic: owners and admins). */
export const readersOf = (topic: Topic | undefined): readonly Role[] => (topic ? TOPIC_READERS[topic] : ["owner", "admin"]);
