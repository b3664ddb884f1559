import { Bitmap, type Rgb } from "./bitmap.js";

/** One day of the chart: revenue in whole currency units, and the number of orders. */
export interface ChartDay {
  day: string;
  revenue: number;
  orders: number;
}

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

export const COLORS = {
  background: [255, 255, 255] as Rgb,
  grid: [226, 230, 236] as Rgb,
  axis: [70, 76, 86] as Rgb,
  label: [40, 44, 52] as Rgb,
  revenue: [47, 111, 223] as Rgb,
  orders: [240, 140, 0] as Rgb,
};

const LEFT = 120;
const RIGHT = 24;
const SCALE = 2;
const REVENUE_PANEL = { top: 24, bottom: 276 };
const ORDERS_PANEL = { top: 316, bottom: 480 };
const DATE_LABELS_TOP = 496;

/**
 * The smallest 1, 2, 2.5, 4, 5, 6 or 8 × 10^k at or above `max` whose half is a whole number
 * (at least 2): the grid's labels (0, half, top) stay round and integer, as counts of orders must be.
 */
export function niceCeiling(max: number): number {
  if (max <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 4, 5, 6, 8, 10]) {
    const top = step * magnitude;
    if (top >= max && Number.isInteger(top / 2)) return top;
  }
  return 10 * magnitude;
}

/** Where the bar of day `i` starts and how wide it is. */
export function barSlot(i: number, count: number): { x: number; width: number } {
  const slot = (CHART_WIDTH - LEFT - RIGHT) / count;
  const width = Math.max(2, Math.floor(slot * 0.64));
  return { x: Math.round(LEFT + i * slot + (slot - width) / 2), width };
}

function panel(bmp: Bitmap, area: { top: number; bottom: number }, values: readonly number[], color: Rgb): void {
  const height = area.bottom - area.top;
  const top = niceCeiling(Math.max(0, ...values));
  // Grid at 0, half and the top, each labelled with its value (digits only).
  for (const fraction of [0, 0.5, 1]) {
    const y = area.bottom - Math.round(fraction * height);
    bmp.fillRect(LEFT, y, CHART_WIDTH - LEFT - RIGHT, 1, fraction === 0 ? COLORS.axis : COLORS.grid);
    const label = String(top * fraction);
    // Ten digits and more do not fit the margin at full size.
    const scale = Bitmap.textWidth(label, SCALE) <= LEFT - 14 ? SCALE : 1;
    bmp.text(LEFT - 10 - Bitmap.textWidth(label, scale), y - Bitmap.textHeight(scale) / 2, label, scale, COLORS.label);
  }
  values.forEach((v, i) => {
    if (v <= 0) return;
    const { x, width } = barSlot(i, values.length);
    const h = Math.max(1, Math.round((v / top) * height));
    bmp.fillRect(x, area.bottom - h, width, h, color);
  });
}

/**
 * Revenue (top, blue) and orders (bottom, orange) per day as a PNG. The only text is numbers
 * and ISO dates: the caption that goes with it carries the words, in the reader's language.
 */
export function renderSalesChart(days: readonly ChartDay[]): Buffer {
  if (days.length === 0) throw new RangeError("a chart needs at least one day");
  const bmp = new Bitmap(CHART_WIDTH, CHART_HEIGHT, COLORS.background);
  panel(
    bmp,
    REVENUE_PANEL,
    days.map((d) => d.revenue),
    COLORS.revenue,
  );
  panel(
    bmp,
    ORDERS_PANEL,
    days.map((d) => d.orders),
    COLORS.orders,
  );
  // A date under the first day, every seventh day and the last one; ticks under every day.
  const labelled = new Set([0, days.length - 1]);
  for (let i = 7; i < days.length - 4; i += 7) labelled.add(i);
  days.forEach((d, i) => {
    const { x, width } = barSlot(i, days.length);
    const centre = x + width / 2;
    bmp.fillRect(centre, ORDERS_PANEL.bottom + 1, 1, labelled.has(i) ? 8 : 4, COLORS.axis);
    if (!labelled.has(i)) return;
    const w = Bitmap.textWidth(d.day, SCALE);
    const left = Math.min(Math.max(centre - w / 2, 4), CHART_WIDTH - 4 - w);
    bmp.text(left, DATE_LABELS_TOP, d.day, SCALE, COLORS.label);
  });
  return bmp.toPng();
}
