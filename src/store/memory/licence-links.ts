import type { LicenceLinks } from "../types.js";

export function memoryLicenceLinks(): LicenceLinks {
  const links = new Map<string, Set<number>>();
  return {
    async link(key, userId) {
      links.set(key, (links.get(key) ?? new Set()).add(userId));
    },
    async users(key) {
      return [...(links.get(key) ?? [])].sort((a, b) => a - b);
    },
  };
}
