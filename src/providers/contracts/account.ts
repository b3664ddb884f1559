/** The account capability: the operator's balance and standing at a provider. */
import type { Money } from "./money.js";

export interface AccountInfo {
  balance: Money;
  name?: string;
  plan?: string;
  status?: string;
  /** Provider-specific recent transactions, already parsed; used by reconciliation. */
  recentOrderIds?: string[];
}

export interface AccountSource {
  getAccount(): Promise<AccountInfo>;
}
