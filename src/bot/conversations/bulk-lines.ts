import type { BulkLine } from "../../domain/bulk.js";
import type { OrderInput } from "../../providers/types.js";
import { parsePlayerId, parseZone } from "./validate.js";

/** Why a line was left out (locales: bulk-reason-<code>). */
export type BulkLineProblem = "format" | "player" | "zone" | "zone-missing" | "zone-none";

export interface BulkParse {
  lines: BulkLine[];
  bad: { line: number; text: string; reason: BulkLineProblem }[];
  /** Set when the message holds more lines than allowed: nothing in it is taken. */
  tooMany?: number;
}

type ZoneRule = Extract<OrderInput, { kind: "player" }>["zone"];

// `12345678(2001)` or `12345678 (2001)`: the zone as shown in game, in brackets.
const BRACKETED = /^(\S+?)\s*\(([^()]*)\)$/;

/**
 * Reads a pasted list, one customer a line: `playerId zone`, `playerId(zone)` or `playerId`
 * (a comma, semicolon, tab or bar also separates). Blank lines are skipped but keep the count,
 * so "line 7" is the seventh line of the reseller's own message. Every line goes through the
 * same checks as the one-by-one flow.
 */
export function parseBulkLines(text: string, zoneRule: ZoneRule, maxLines: number): BulkParse | undefined {
  const raw = text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== "");
  if (raw.length === 0) return undefined;
  if (raw.length > maxLines) return { lines: [], bad: [], tooMany: raw.length };
  const out: BulkParse = { lines: [], bad: [] };
  for (const { line, text: t } of raw) {
    const bracketed = BRACKETED.exec(t);
    const parts = bracketed ? bracketed.slice(1, 3).map((p) => p ?? "") : t.split(/[\s,;|]+/).filter(Boolean);
    const problem = (reason: BulkLineProblem) => out.bad.push({ line, text: t, reason });
    const [rawPlayer = "", rawZone] = parts;
    if (parts.length > 2) {
      problem("format");
      continue;
    }
    const playerId = parsePlayerId(rawPlayer);
    if (!playerId) {
      problem("player");
      continue;
    }
    if (rawZone === undefined || rawZone.trim() === "") {
      if (zoneRule === "required") problem("zone-missing");
      else out.lines.push({ line, playerId });
      continue;
    }
    if (zoneRule === "none") {
      problem("zone-none");
      continue;
    }
    const zone = parseZone(rawZone);
    if (zone) out.lines.push({ line, playerId, zone });
    else problem("zone");
  }
  return out;
}
