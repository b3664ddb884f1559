import { transferCards } from "../bot/transfer-cards.js";
import type { Config } from "../config.js";
import { createPayees } from "../domain/deposits/payees.js";
import { createTransferDeposits } from "../domain/deposits/transfers.js";
import type { TeamDesk } from "../domain/team/desk.js";
import { dmDesk } from "../domain/team/dm-desk.js";
import type { Logger } from "../observability/logger.js";
import type { Foundation } from "./foundation.js";
import type { Money } from "./money.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * Deposits by transfer (SPEC §6): the payees, the slips, and their review cards, which go to the
 * team desk. Without an operator group the desk is the DMs of the members who may approve money;
 * a group's Deposits topic plugs in as another TeamDesk.
 */
export function buildTransfers(
  config: Config,
  f: Foundation,
  a: { team: Team; money: Money },
  deps: { logger: Logger; timings: Timings; desk?: TeamDesk },
) {
  const { logger } = deps;
  const board = transferCards({
    token: config.botToken,
    apiRoot: config.apiRoot,
    desk: deps.desk ?? dmDesk(a.team.team),
    transfers: a.money.store.transfers,
    users: a.team.resellers,
    translator: f.translator,
    defaultLocale: config.defaultLocale,
    logger,
  });
  const transfers = createTransferDeposits({
    store: a.money.store,
    notifier: f.notifier,
    audit: a.team.audit,
    board,
    logger,
    limits: config.transferLimits,
    raiseAfterMs: deps.timings.transfers?.raiseAfterMs,
  });
  return { transfers, payees: createPayees({ transfers: a.money.store.transfers, audit: a.team.audit }) };
}

export type TransferArea = ReturnType<typeof buildTransfers>;
