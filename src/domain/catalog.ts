import { randomUUID } from "node:crypto";
import type { Logger } from "../observability/logger.js";
import type { Money, Product, ProviderDirectory, ProviderId } from "../providers/types.js";
import type { Tier } from "./tiers.js";
import type { Kv } from "../store/types.js";
import { salePrice } from "./pricing.js";
import { productKey, type PriceBook } from "./price-book.js";
import type { Maintenance, MaintenanceNotice } from "./maintenance.js";

interface CachedCatalog {
  fetchedAt: number;
  products: Product[];
}

/** A product as a reseller sees it: the sale price, never the cost. */
export interface PricedProduct {
  provider: ProviderId;
  sku: string;
  name: string;
  category: string;
  price: Money;
  inStock: boolean;
  paused: boolean;
  /** In maintenance (itself or its provider): shown as unavailable, with the note, and not for sale. */
  maintenance?: MaintenanceNotice;
  note?: string;
  input: Product["input"];
}

export interface Catalog {
  /** Every enabled provider's products, from cache when fresh. */
  products(): Promise<Product[]>;
  product(provider: ProviderId, sku: string): Promise<Product | undefined>;
  priced(tier: Tier): Promise<PricedProduct[]>;
  price(product: Product, tier: Tier): Promise<Money>;
  /** Fetches every catalogue now (admin /sync). */
  refresh(): Promise<{ provider: ProviderId; count?: number; error?: string }[]>;
}

/**
 * Catalogues cached in the store with a TTL. A stale entry is served while one background
 * refresh runs; a lock in the store keeps several bot processes from refreshing at once, and an
 * in-process promise keeps concurrent readers of one process on a single upstream call.
 */
export function createCatalog(deps: {
  providers: ProviderDirectory;
  kv: Kv;
  priceBook: PriceBook;
  maintenance?: Pick<Maintenance, "view">;
  ttlMs: number;
  logger: Logger;
  onSynced?: (products: Product[]) => Promise<void>;
}): Catalog {
  const { providers, kv, priceBook, ttlMs, logger } = deps;
  const inflight = new Map<ProviderId, Promise<Product[]>>();
  const cacheKey = (p: ProviderId) => `catalog:${p}`;

  async function fetchFresh(id: ProviderId): Promise<Product[]> {
    const source = providers.get(id)?.catalog;
    if (!source) return [];
    const products = await source.listProducts();
    // Kept well past the TTL so a provider outage still leaves something to browse.
    await kv.setJson(cacheKey(id), { fetchedAt: Date.now(), products } satisfies CachedCatalog, ttlMs * 12);
    await deps.onSynced?.(products);
    return products;
  }

  function singleFlight(id: ProviderId): Promise<Product[]> {
    let p = inflight.get(id);
    if (!p) {
      p = fetchFresh(id).finally(() => inflight.delete(id));
      inflight.set(id, p);
    }
    return p;
  }

  async function load(id: ProviderId): Promise<Product[]> {
    const cached = await kv.getJson<CachedCatalog>(cacheKey(id));
    if (cached && Date.now() - cached.fetchedAt < ttlMs) return cached.products;
    if (cached) {
      // Stale: answer now, refresh behind (one process at a time).
      const token = randomUUID();
      if (await kv.setIfAbsent(`lock:${cacheKey(id)}`, token, 30_000)) {
        singleFlight(id)
          .catch((err) => logger.warn({ err, provider: id }, "background catalogue refresh failed"))
          .finally(() => void kv.deleteIf(`lock:${cacheKey(id)}`, token));
      }
      return cached.products;
    }
    return singleFlight(id);
  }

  const withCatalog = () =>
    providers
      .list()
      .filter((p) => p.catalog)
      .map((p) => p.id);

  async function products(): Promise<Product[]> {
    const lists = await Promise.all(
      withCatalog().map((id) =>
        load(id).catch((err) => {
          logger.warn({ err, provider: id }, "catalogue unavailable");
          return [] as Product[];
        }),
      ),
    );
    return lists.flat();
  }

  async function price(product: Product, tier: Tier): Promise<Money> {
    const s = await priceBook.pricing();
    return salePrice(product.cost, s.markups[tier], s.fixedPrices[productKey(product.provider, product.sku)]);
  }

  return {
    products,
    async product(provider, sku) {
      return (await products()).find((p) => p.provider === provider && p.sku === sku);
    },
    price,
    async priced(tier) {
      const s = await priceBook.pricing();
      const held = await deps.maintenance?.view();
      return (await products()).map((p) => {
        const key = productKey(p.provider, p.sku);
        const m = held?.forProduct(p.provider, p.sku);
        return {
          provider: p.provider,
          sku: p.sku,
          name: p.name,
          category: p.category,
          price: salePrice(p.cost, s.markups[tier], s.fixedPrices[key]),
          inStock: p.inStock,
          paused: key in s.paused,
          ...(m ? { maintenance: { scope: m.scope, target: m.target, note: m.note, auto: m.auto } } : {}),
          note: p.note,
          input: p.input,
        };
      });
    },
    async refresh() {
      return Promise.all(
        withCatalog().map(async (provider) => {
          try {
            return { provider, count: (await singleFlight(provider)).length };
          } catch (err) {
            return { provider, error: err instanceof Error ? err.message : String(err) };
          }
        }),
      );
    },
  };
}
