/**
 * What to tell people, not how: a message id from locales/ and its arguments. The jobs layer
 * renders it in the reader's language when it is sent, so a queued message follows a later
 * /language change.
 */
export type MessageArg =
  | string
  | number
  | { money: [amount: number, currency: string] }
  /** Another message id, rendered in the reader's language (a reason inside a sentence). */
  | { t: string };
export type MessageArgs = Record<string, MessageArg>;

/**
 * What a button under a message asks the bot to do. The domain names the action; bot/ turns it
 * into Telegram's callback data (bot/callback-data/actions.ts) and handles the tap.
 */
export type ButtonAction =
  | { kind: "approve-reseller"; userId: number }
  | { kind: "reject-reseller"; userId: number }
  | { kind: "cancel-deposit"; depositId: string }
  | { kind: "set-points-email" }
  | { kind: "order-receipt"; orderId: string }
  | { kind: "buy-again"; orderId: string };

/** An inline button: its label is a message id rendered in the reader's language; an action or a link. */
export type ActionButton = { key: string; action: ButtonAction };
export type NotificationButton = ActionButton | { key: string; url: string };

export interface Notification {
  userId: number;
  key: string;
  args?: MessageArgs;
  /** Dedupe key: the same notification is sent once even if enqueued again. */
  dedupeKey?: string;
  buttons?: NotificationButton[][];
  /** Part of a broadcast: its outcome is counted under this id. */
  broadcastId?: string;
}

export interface Notifier {
  notifyUser(n: Notification): Promise<void>;
  notifyAdmins(key: string, args?: MessageArgs, dedupeKey?: string, buttons?: NotificationButton[][]): Promise<void>;
}

export const money = (amount: number, currency: string): MessageArg => ({ money: [amount, currency] });
