import { Composer } from "grammy";
import type { ProviderHealthSnapshot } from "../../../providers/health.js";
import { ProviderError, type ProviderAdapter } from "../../../providers/types.js";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";
import { licenceAccountLines } from "./licence-account.js";

function healthLine(ctx: BotContext, h: ProviderHealthSnapshot | undefined, provider: string): string {
  if (!h?.lastOutcome) return ctx.tr("admin-provider-idle", { provider });
  const args = { provider, endpoint: h.lastEndpoint ?? "-", latency: h.lastLatencyMs ?? 0, at: h.at ?? "-" };
  return h.lastOutcome === "ok"
    ? ctx.tr("admin-provider-ok", args)
    : ctx.tr("admin-provider-failing", { ...args, outcome: h.lastOutcome, code: h.lastErrorCode ?? "-" });
}

/** The operator's balance where the provider has an account endpoint (xinstitute today). */
async function balanceLine(ctx: BotContext, kit: AdminKit, a: ProviderAdapter): Promise<string | undefined> {
  if (!a.account) return undefined;
  try {
    const { balance } = await a.account.getAccount();
    return ctx.tr("admin-provider-balance", { balance: { money: [balance.amount, balance.currency] } });
  } catch (err) {
    kit.logger.warn({ err, provider: a.id }, "admin balance check failed");
    return ctx.tr("admin-provider-balance-failed", { error: err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error" });
  }
}

/** vifox's remaining liquidity pool and rate, where the provider gives points. */
async function poolLine(ctx: BotContext, kit: AdminKit, a: ProviderAdapter): Promise<string | undefined> {
  if (!a.points) return undefined;
  try {
    const pool = await a.points.liquidityPool();
    return ctx.tr("admin-provider-pool", { points: pool.points, rate: pool.rate });
  } catch (err) {
    kit.logger.warn({ err, provider: a.id }, "admin liquidity pool check failed");
    return ctx.tr("admin-provider-pool-failed", { error: err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error" });
  }
}

/**
 * /providers: the operator's balance where there is one, vifox's liquidity pool, and each
 * enabled provider's last call, read after those checks so that it shows the freshest state
 * (a provider that is down shows failing at once, even with no order traffic yet).
 */
export function providersCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "providers", parseNone, async (ctx) => {
    const adapters = kit.providers.list();
    if (adapters.length === 0) return ctx.reply(ctx.tr("admin-providers-none"));
    // Each provider's checks together, all providers at once.
    const checks = await Promise.all(
      adapters.map(async (a) => {
        const [balance, licenceAccounts, pool] = await Promise.all([
          balanceLine(ctx, kit, a),
          licenceAccountLines(ctx, kit, a),
          poolLine(ctx, kit, a),
        ]);
        return { a, balance, licenceAccounts, pool };
      }),
    );
    const health = kit.providers.health();
    const held = await kit.maintenance.view();
    const lines = [ctx.tr("admin-providers-title")];
    for (const { a, balance, licenceAccounts, pool } of checks) {
      lines.push("", healthLine(ctx, health[a.id], a.id));
      const h = health[a.id];
      if (h?.calls) lines.push(ctx.tr("admin-provider-counts", { calls: h.calls, failures: h.failures }));
      const m = held.entries.find((e) => e.scope === "provider" && e.target === a.id);
      if (m) lines.push(ctx.tr(m.auto ? "maintenance-provider-auto" : "maintenance-provider-manual"));
      if (balance) lines.push(balance);
      lines.push(...licenceAccounts);
      if (pool) lines.push(pool);
    }
    await replyLines(ctx, lines);
  });

  return c;
}
