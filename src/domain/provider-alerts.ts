import type { Logger } from "../observability/logger.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";
import { money, type MessageArg, type Notifier } from "./notifications.js";

/** One level an admin wants to hear about: a reading below `threshold` is low. */
interface Watch {
  name: string;
  threshold: number;
  /** The current level, or undefined when this provider is off; throws when it cannot be read. */
  read(): Promise<number | undefined>;
  /** What the messages say about a level. */
  show(value: number): MessageArg;
  lowKey: string;
  recoveredKey: string;
}

export interface BalanceAlertsDeps {
  providers: ProviderDirectory;
  kv: Kv;
  notifier: Notifier;
  logger: Logger;
  /** Our balance at xinstitute below this many MMK (minor units = whole units) alerts; undefined: off. */
  xinstituteMmk?: number;
  /** vifox's liquidity pool below this many points alerts; undefined: off. */
  vifoxPoints?: number;
}

/**
 * The operator's money at the providers: our xinstitute balance (orders fail without it) and
 * vifox's liquidity pool (awards wait without it). Admins hear once when a level drops below its
 * threshold and once when it is back. The "low" mark lives in the shared store, set and cleared
 * atomically, so a restart or a second process neither repeats an alert nor misses a recovery.
 */
export function createBalanceAlerts(deps: BalanceAlertsDeps) {
  const watches: Watch[] = [];
  if (deps.xinstituteMmk !== undefined) {
    watches.push({
      name: "xinstitute-balance",
      threshold: deps.xinstituteMmk,
      async read() {
        const account = deps.providers.get("xinstitute")?.account;
        if (!account) return undefined;
        const { balance } = await account.getAccount();
        // The document shows MMK only; a balance in another currency cannot be compared.
        if (balance.currency !== "MMK") throw new Error(`xinstitute balance in ${balance.currency}, threshold in MMK`);
        return balance.amount;
      },
      show: (v) => money(v, "MMK"),
      lowKey: "ops-balance-low",
      recoveredKey: "ops-balance-recovered",
    });
  }
  if (deps.vifoxPoints !== undefined) {
    watches.push({
      name: "vifox-pool",
      threshold: deps.vifoxPoints,
      async read() {
        const points = deps.providers.get("vifox")?.points;
        return points ? (await points.liquidityPool()).points : undefined;
      },
      show: (v) => v,
      lowKey: "ops-pool-low",
      recoveredKey: "ops-pool-recovered",
    });
  }

  async function checkOne(w: Watch): Promise<"low" | "recovered" | "unchanged" | "off"> {
    const value = await w.read();
    if (value === undefined) return "off";
    const mark = `ops:alert:${w.name}`;
    const [provider = w.name] = w.name.split("-");
    const args = { provider, value: w.show(value), threshold: w.show(w.threshold) };
    if (value < w.threshold) {
      // The mark holds an id of this dry spell (JSON, as getJson reads it): the dedupe key of both its messages.
      const spell = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      if (!(await deps.kv.setIfAbsent(mark, JSON.stringify(spell)))) return "unchanged";
      // Not queued: take the mark back so the next check alerts again.
      await deps.notifier.notifyAdmins(w.lowKey, args, `${mark}:low:${spell}`).catch(async (err: unknown) => {
        await deps.kv.deleteIf(mark, JSON.stringify(spell));
        throw err;
      });
      return "low";
    }
    const spell = await deps.kv.getJson<string>(mark);
    // Only the process whose delete takes the mark away tells the admins.
    if (spell === undefined || !(await deps.kv.deleteIf(mark, JSON.stringify(spell)))) return "unchanged";
    await deps.notifier.notifyAdmins(w.recoveredKey, args, `${mark}:ok:${spell}`).catch(async (err: unknown) => {
      await deps.kv.setIfAbsent(mark, JSON.stringify(spell));
      throw err;
    });
    return "recovered";
  }

  return {
    enabled: watches.length > 0,
    /** Reads every watched level once; a level that cannot be read keeps its state. */
    async check(): Promise<Record<string, string>> {
      const out: Record<string, string> = {};
      for (const w of watches) {
        out[w.name] = await checkOne(w).catch((err: unknown) => {
          deps.logger.warn({ err, watch: w.name }, "provider balance check failed");
          return "error";
        });
      }
      return out;
    },
  };
}

export type BalanceAlerts = ReturnType<typeof createBalanceAlerts>;
