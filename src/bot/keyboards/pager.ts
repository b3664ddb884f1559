import type { InlineKeyboard } from "grammy";

export const PAGE_SIZE = 8;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Appends ◀️ ▶️ buttons (only those that lead somewhere) calling `data(page)`. */
export function addPager(kb: InlineKeyboard, page: number, pages: number, data: (page: number) => string, tr: (k: string) => string) {
  if (pages <= 1) return kb;
  kb.row();
  if (page > 0) kb.text(tr("btn-prev"), data(page - 1));
  if (page < pages - 1) kb.text(tr("btn-next"), data(page + 1));
  return kb;
}
