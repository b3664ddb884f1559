/**
 * 500 purchases racing over 50 wallets across two bot processes on one PostgreSQL and one Redis:
 * each of the 500 confirmation cards is tapped in both processes at once (a double tap on two
 * devices), and each wallet covers 7 of its 10 cards. Exact or nothing: 500 orders (350 charged,
 * 150 refused for funds), 350 debits, every balance 0, the ledger check clean.
 * The provider calls are not part of it: the processes take Confirm's whole step (the charge and
 * the queued placement job) and run no workers, so no job can move money afterwards.
 *
 *   npm run bench:race
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { startGametopupFake } from "../src/sandbox/index.js";
import { startBotProcess } from "./support/bot-client.js";
import { botEnv, openRecords, seedResellers, startTelegram } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { row, saveResult, verdict } from "./support/report.js";

const WALLETS = 50;
const CARDS_PER_WALLET = 10;
const COVERED = 7;
const FIRST_ID = 400_000;
const PURCHASES = WALLETS * CARDS_PER_WALLET;
const CHARGED = WALLETS * COVERED;

type Outcome = { kind: string; orderId?: string };

const infra = await startInfra("race");
const telegram = await startTelegram();
const gametopup = await startGametopupFake({ rateLimits: false });
try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, WALLETS);
  const env = botEnv(infra, telegram, {
    GAMETOPUP_PRODUCTS_URL: gametopup.productsUrl,
    GAMETOPUP_ORDER_URL: gametopup.orderUrl,
    GAMETOPUP_STATUS_URL: gametopup.statusUrl,
    GAMETOPUP_API_KEY: gametopup.apiKey,
  });
  const [a, b] = await Promise.all([
    startBotProcess({ mode: "app", env, start: false }),
    startBotProcess({ mode: "app", env, start: false }),
  ]);
  let elapsed: number;
  let outcomes: [Outcome[], Outcome[]];
  let drafts: { id: string; userId: number }[];
  try {
    const cards = await a.request<{ drafts: { id: string; userId: number }[]; price: number; currency: string }>({
      cmd: "drafts",
      userIds: Array.from({ length: WALLETS }, (_, i) => FIRST_ID + i),
      perUser: CARDS_PER_WALLET,
    });
    drafts = cards.drafts;
    for (let i = 0; i < WALLETS; i++) {
      await records.ledger.apply({
        userId: FIRST_ID + i,
        currency: cards.currency,
        amount: cards.price * COVERED,
        type: "credit",
        reason: "bench",
        actor: "bench",
        key: randomUUID(),
      });
    }
    const t = performance.now();
    // The second process taps in the opposite order, so both meet on every card and every wallet.
    const [fromA, fromB] = await Promise.all([
      a.request<Outcome[]>({ cmd: "accept", drafts }),
      b.request<Outcome[]>({ cmd: "accept", drafts: [...drafts].reverse() }),
    ]);
    elapsed = performance.now() - t;
    outcomes = [fromA, fromB.reverse()];
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }

  const claims = drafts.map((_, i) => outcomes.filter((o) => o[i]!.kind !== "existing").length);
  const charged = outcomes.flat().filter((o) => o.kind === "queued" || o.kind === "sending").length;
  const refused = outcomes.flat().filter((o) => o.kind === "insufficient").length;
  const db = new pg.Client(infra.databaseUrl);
  await db.connect();
  const q = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  const orders = await q("SELECT count(*) AS n FROM orders");
  const pending = await q("SELECT count(*) AS n FROM orders WHERE state = 'pending'");
  const debits = await q("SELECT count(*) AS n FROM ledger_entries WHERE type = 'debit'");
  const debitedOrders = await q("SELECT count(DISTINCT order_id) AS n FROM ledger_entries WHERE type = 'debit'");
  const nonZero = await q("SELECT count(*) AS n FROM wallets WHERE balance <> 0");
  const negative = await q("SELECT count(*) AS n FROM ledger_entries WHERE balance_after < 0");
  await db.end();
  const differences = await records.reports.ledgerCheck();
  await records.close();

  saveResult("purchase-race", [
    `purchase race: ${PURCHASES} confirmation cards over ${WALLETS} wallets (each covers ${COVERED} of its ${CARDS_PER_WALLET}), every card confirmed in two bot processes at once; ${(elapsed / 1000).toFixed(2)} s for the ${PURCHASES * 2} taps (${new Date().toISOString()})`,
    "",
    row(["figure", "value", "expected", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["cards claimed by exactly one process", claims.filter((n) => n === 1).length, PURCHASES, verdict(claims.every((n) => n === 1))]),
    row(["taps charged (queued for the provider)", charged, CHARGED, verdict(charged === CHARGED)]),
    row(["taps refused for funds", refused, PURCHASES - CHARGED, verdict(refused === PURCHASES - CHARGED)]),
    row(["orders in PostgreSQL", orders, PURCHASES, verdict(orders === PURCHASES)]),
    row(["orders pending at the provider step (charged)", pending, CHARGED, verdict(pending === CHARGED)]),
    row(["debit entries", debits, CHARGED, verdict(debits === CHARGED)]),
    row(["orders debited", debitedOrders, CHARGED, verdict(debitedOrders === CHARGED)]),
    row(["wallets not at 0", nonZero, 0, verdict(nonZero === 0)]),
    row(["entries with a negative balance", negative, 0, verdict(negative === 0)]),
    row(["ledger check: wallets differing from their entries", differences.length, 0, verdict(differences.length === 0)]),
  ]);
} finally {
  await Promise.all([telegram.close(), gametopup.close()]);
  await infra.close();
}
