/** Order input rules (player id, zone, e-mail, quantity), shared by the chat's flows and the reseller API. Each returns the clean value or undefined. */

export function parsePlayerId(text: string): string | undefined {
  const t = text.trim();
  return /^[A-Za-z0-9]{3,24}$/.test(t) ? t : undefined;
}

export function parseZone(text: string): string | undefined {
  // People often type the zone as shown in game, in brackets: (1234).
  const t = text.trim().replace(/^\((.*)\)$/, "$1");
  return /^[A-Za-z0-9_-]{1,12}$/.test(t) ? t : undefined;
}

/** A practical address check: one @, a dotted domain, no spaces; lower-cased domain. */
export function parseEmail(text: string): string | undefined {
  const t = text.trim();
  if (t.length > 254) return undefined;
  const m = /^([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/.exec(t);
  const [, local = "", domain = ""] = m ?? [];
  if (!m || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return undefined;
  return `${local}@${domain.toLowerCase()}`;
}

export const MAX_QUANTITY = 10;

export function parseQuantity(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= MAX_QUANTITY ? n : undefined;
}
