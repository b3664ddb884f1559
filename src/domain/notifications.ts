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

/** An inline button: its label is a message id rendered in the reader's language; a callback or a link. */
/** A button that answers with callback data. */
export type CallbackButton = { key: string; data: string };
export type NotificationButton = CallbackButton | { key: string; url: string };

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
