import type { MaintenanceEntry, MaintenanceRecords, MaintenanceScope, UserRecord } from "../store/types.js";
import type { AuditTrail } from "./audit.js";
import { productKey } from "./price-book.js";

/** The note of an automatic entry: a message key, rendered in each reader's language. */
export const AUTO_NOTE_KEY = "maintenance-auto-note";

/** Why a purchase is refused: the entry that holds it, as a reseller is told it. */
export interface MaintenanceNotice {
  scope: MaintenanceScope;
  target: string;
  note?: string;
  auto: boolean;
}

/** What is in maintenance at one instant, with the lookups the catalogue and the order path need. */
export interface MaintenanceView {
  entries: MaintenanceEntry[];
  bot?: MaintenanceEntry;
  /** The product's own entry, else its provider's. */
  forProduct(provider: string, sku: string): MaintenanceEntry | undefined;
}

export interface MaintenanceChange {
  scope: MaintenanceScope;
  target: string;
  on: boolean;
  note?: string;
}

/**
 * Maintenance (SPEC §5): the whole bot, a provider or a product taken out of sale, with a note.
 * Every read goes to the records (PostgreSQL), so every process sees one state at once.
 */
export interface Maintenance {
  view(): Promise<MaintenanceView>;
  /** The whole bot is in maintenance. */
  isOn(): Promise<boolean>;
  /**
   * What stops `user` buying this product now: the whole bot (the team keeps working), the
   * product or its provider (for everyone). Undefined when nothing does.
   */
  blockFor(user: UserRecord, provider: string, sku: string): Promise<MaintenanceNotice | undefined>;
  /** A team member's /maintenance: audited; lifting a provider also forgets its failure streak. Returns whether anything changed. */
  change(by: number, c: MaintenanceChange): Promise<boolean>;
  /** A provider's failure streak puts it in maintenance, unless it is in already; true when this call did. */
  enterAuto(provider: string): Promise<boolean>;
  /** The health check lifts an automatic entry (never a manual one); true when this call did. */
  liftAuto(provider: string): Promise<boolean>;
}

export const targetOf = (scope: MaintenanceScope, provider?: string, sku?: string) =>
  scope === "bot" ? "" : scope === "provider" ? (provider ?? "") : productKey(provider ?? "", sku ?? "");

export function viewOf(entries: MaintenanceEntry[]): MaintenanceView {
  const find = (scope: MaintenanceScope, target: string) => entries.find((e) => e.scope === scope && e.target === target);
  return {
    entries,
    bot: find("bot", ""),
    forProduct: (provider, sku) => find("product", productKey(provider, sku)) ?? find("provider", provider),
  };
}

const notice = (e: MaintenanceEntry): MaintenanceNotice => ({ scope: e.scope, target: e.target, note: e.note, auto: e.auto });

export function createMaintenance(deps: {
  records: MaintenanceRecords;
  audit: AuditTrail;
  /** Owners and anyone with a team role: they keep working through a whole-bot maintenance. */
  isTeam: (user: UserRecord) => boolean;
  /** Forgets a provider's failure streak (a provider lifted by hand starts from zero). */
  resetStreak?: (provider: string) => Promise<void>;
}): Maintenance {
  const { records } = deps;
  const view = async () => viewOf(await records.list());
  return {
    view,
    async isOn() {
      return (await view()).bot !== undefined;
    },
    async blockFor(user, provider, sku) {
      const v = await view();
      if (v.bot && !deps.isTeam(user)) return notice(v.bot);
      const own = v.forProduct(provider, sku);
      return own && notice(own);
    },
    async change(by, c) {
      const before = (await records.list()).find((e) => e.scope === c.scope && e.target === c.target);
      let changed: boolean;
      if (c.on) {
        changed = await records.set({ scope: c.scope, target: c.target, note: c.note, setBy: by, setAt: Date.now(), auto: false });
      } else {
        changed = await records.clear(c.scope, c.target);
        if (c.scope === "provider") await deps.resetStreak?.(c.target);
      }
      if (changed) {
        await deps.audit.record(by, "maintenance", {
          target: `${c.scope}${c.target ? `:${c.target}` : ""}`,
          before: before ? { on: true, note: before.note, auto: before.auto } : { on: false },
          after: c.on ? { on: true, note: c.note } : { on: false },
          note: c.on ? undefined : c.note,
        });
      }
      return changed;
    },
    enterAuto: (provider) =>
      records.set({ scope: "provider", target: provider, note: AUTO_NOTE_KEY, setAt: Date.now(), auto: true }, { ifAbsent: true }),
    liftAuto: (provider) => records.clear("provider", provider, { autoOnly: true }),
  };
}
