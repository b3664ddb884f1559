import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { Bitmap } from "../../src/lib/chart/bitmap.js";
import { hasGlyph } from "../../src/lib/chart/digits-font.js";
import { barSlot, CHART_HEIGHT, CHART_WIDTH, COLORS, niceCeiling, renderSalesChart } from "../../src/lib/chart/sales-chart.js";

const days = (values: [number, number][]) =>
  values.map(([revenue, orders], i) => ({ day: `2026-01-${String(i + 1).padStart(2, "0")}`, revenue, orders }));

function decode(png: Buffer) {
  const img = PNG.sync.read(png);
  const at = (x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];
  /** The height of the run of `color` going up from just above the axis at `bottom`. */
  const barHeight = (x: number, bottom: number, color: readonly number[]) => {
    let h = 0;
    while (JSON.stringify(at(x, bottom - 1 - h)) === JSON.stringify([...color])) h++;
    return h;
  };
  return { img, at, barHeight };
}

describe("the sales chart", () => {
  it("rounds the grid's top up to a round number with an integer half", () => {
    expect([0, 1, 2, 3, 5, 7, 11, 42, 250, 251, 2_100_000].map(niceCeiling)).toEqual([2, 2, 2, 4, 6, 8, 20, 50, 250, 400, 2_500_000]);
  });

  it("draws a PNG of the documented size with bars proportional to the values", () => {
    const { img, at, barHeight } = decode(
      renderSalesChart(
        days([
          [1000, 4],
          [0, 0],
          [500, 2],
        ]),
      ),
    );
    expect([img.width, img.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const x = (i: number) => barSlot(i, 3).x + 1;
    // Revenue panel ends at y = 276, orders panel at 480 (the axes).
    const full = barHeight(x(0), 276, COLORS.revenue);
    expect(full).toBeGreaterThan(100);
    expect(barHeight(x(2), 276, COLORS.revenue)).toBe(full / 2);
    expect(barHeight(x(1), 276, COLORS.revenue)).toBe(0);
    expect(barHeight(x(0), 480, COLORS.orders)).toBe(2 * barHeight(x(2), 480, COLORS.orders));
    expect(at(x(1), 470)).toEqual([...COLORS.background]);
  });

  it("is the same bytes every time: nothing depends on the machine", () => {
    const data = days(Array.from({ length: 30 }, (_, i) => [i * 1000, i % 5] as [number, number]));
    expect(renderSalesChart(data).equals(renderSalesChart(data))).toBe(true);
  });

  it("writes digits and ISO dates only", () => {
    for (const ch of "0123456789-") expect(hasGlyph(ch)).toBe(true);
    const bmp = new Bitmap(10, 10, [0, 0, 0]);
    expect(() => bmp.text(0, 0, "Rp", 1, [255, 255, 255])).toThrow(/no glyph/);
  });
});
