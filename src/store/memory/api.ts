import type { ApiEvent, ApiKeyRecord, ApiOrderRef, ApiRecords, ApiSettings } from "../types.js";
import { copy } from "./tables.js";

export function memoryApi(): ApiRecords {
  const keys = new Map<string, ApiKeyRecord>();
  const settings = new Map<number, ApiSettings>();
  const refs = new Map<string, ApiOrderRef>();
  const events = new Map<string, ApiEvent>();
  const refKey = (resellerId: number, refId: string) => `${resellerId}:${refId}`;
  const live = (resellerId: number) => [...keys.values()].find((k) => k.resellerId === resellerId && k.revokedAt === undefined);
  const isOpen = (e: ApiEvent) => e.deliveredAt === undefined && e.givenUpAt === undefined;
  const defaults = (resellerId: number): ApiSettings => ({ resellerId, allowedIps: [], notifyInChat: false });

  return {
    async replaceKey(key) {
      const old = live(key.resellerId);
      if (old) old.revokedAt = key.createdAt;
      keys.set(key.id, copy(key));
    },
    async keyByHash(keyHash) {
      const k = [...keys.values()].find((k) => k.keyHash === keyHash);
      return k && copy(k);
    },
    async keyWithSettings(keyHash) {
      const k = [...keys.values()].find((k) => k.keyHash === keyHash);
      return k && { key: copy(k), settings: copy(settings.get(k.resellerId) ?? defaults(k.resellerId)) };
    },
    async liveKey(resellerId) {
      const k = live(resellerId);
      return k && copy(k);
    },
    async revokeKey(resellerId, at) {
      const k = live(resellerId);
      if (!k) return false;
      k.revokedAt = at;
      return true;
    },
    async settings(resellerId) {
      return copy(settings.get(resellerId) ?? defaults(resellerId));
    },
    async patchSettings(resellerId, patch) {
      const next = { ...(settings.get(resellerId) ?? defaults(resellerId)), ...copy(patch), resellerId };
      settings.set(resellerId, next);
      return copy(next);
    },
    async claimRef(ref) {
      const k = refKey(ref.resellerId, ref.refId);
      const held = refs.get(k);
      if (held) return copy(held);
      refs.set(k, copy(ref));
      return copy(ref);
    },
    async refByOrder(orderId) {
      const r = [...refs.values()].find((r) => r.orderId === orderId);
      return r && copy(r);
    },
    async ref(resellerId, refId) {
      const r = refs.get(refKey(resellerId, refId));
      return r && copy(r);
    },
    async addEvent(event) {
      if ([...events.values()].some((e) => e.orderId === event.orderId && e.seq === event.seq) || events.has(event.eventId)) return false;
      events.set(event.eventId, copy(event));
      return true;
    },
    async openEvents(orderId) {
      return [...events.values()]
        .filter((e) => e.orderId === orderId && isOpen(e))
        .sort((a, b) => a.seq - b.seq)
        .map(copy);
    },
    async ordersWithOpenEvents(limit) {
      return [...new Set([...events.values()].filter(isOpen).map((e) => e.orderId))].slice(0, limit);
    },
    async markEvent(eventId, outcome) {
      const e = events.get(eventId);
      if (!e) return;
      e.attempts++;
      if (outcome.deliveredAt !== undefined) e.deliveredAt = outcome.deliveredAt;
      if (outcome.givenUpAt !== undefined) e.givenUpAt = outcome.givenUpAt;
    },
  };
}
