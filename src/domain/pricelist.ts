import { exponentOf } from "../lib/money.js";
import type { Money, ProviderId } from "../providers/types.js";
import type { PricedProduct } from "./catalog.js";
import type { MaintenanceNotice } from "./maintenance.js";
import { productKey } from "./price-book.js";

export interface PriceListItem {
  provider: ProviderId;
  sku: string;
  name: string;
  category: string;
  price: Money;
  inStock: boolean;
  /** Listed as unavailable (🛠 and the note): it cannot be bought until maintenance ends. */
  maintenance?: MaintenanceNotice;
}

/**
 * A reseller's price list: every product on sale (paused ones left out), grouped by category in
 * the catalogue's order. Prices are the catalogue's priced() ones, which come from the same
 * salePrice() the confirmation card's quote uses, for the same tier at the same moment.
 */
export function priceList(products: readonly PricedProduct[]): PriceListItem[] {
  const categories = [...new Set(products.map((p) => p.category))].sort();
  return categories.flatMap((category) =>
    products
      .filter((p) => p.category === category && !p.paused)
      .map((p) => ({
        provider: p.provider,
        sku: p.sku,
        name: p.name,
        category,
        price: p.price,
        inStock: p.inStock,
        ...(p.maintenance ? { maintenance: p.maintenance } : {}),
      })),
  );
}

/** One chat page: a run of items and the category each starts under. */
export interface PriceListPage {
  sections: { category: string; items: PriceListItem[] }[];
}

/** Pages of at most `size` items; a category cut by a page break is headed again on the next. */
export function pricePages(items: readonly PriceListItem[], size: number): PriceListPage[] {
  const pages: PriceListPage[] = [];
  for (let i = 0; i < items.length; i += size) {
    const sections: PriceListPage["sections"] = [];
    for (const item of items.slice(i, i + size)) {
      const last = sections.at(-1);
      if (last?.category === item.category) last.items.push(item);
      else sections.push({ category: item.category, items: [item] });
    }
    pages.push({ sections });
  }
  return pages;
}

/** A price in whole units as a spreadsheet reads it: 21780 for IDR, 12.50 for USD. */
export function majorUnits(m: Money): string {
  const exp = exponentOf(m.currency);
  if (exp === 0) return String(m.amount);
  const s = String(m.amount).padStart(exp + 1, "0");
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

/** CSV rows: category, product, product id (as admins' /price takes it), price, currency, in stock. */
export function priceListRows(items: readonly PriceListItem[]): (string | number)[][] {
  return items.map((i) => [
    i.category,
    i.name,
    productKey(i.provider, i.sku),
    majorUnits(i.price),
    i.price.currency,
    i.inStock && !i.maintenance ? "yes" : "no",
  ]);
}
