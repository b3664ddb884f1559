/**
 * Writes docs/stats-chart.png, the picture the README shows: the /stats chart code drawing 30
 * days of made-up sales (fixed numbers, so the file changes only when the drawing does).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSalesChart } from "../src/lib/chart/sales-chart.js";
import { addDays } from "../src/lib/time-zone.js";

const days = Array.from({ length: 30 }, (_, i) => {
  const weekend = [5, 6].includes(i % 7);
  const orders = Math.round(24 + 10 * Math.sin(i / 4) + (weekend ? 14 : 0) + i * 0.6);
  return { day: addDays("2026-11-02", i), orders, revenue: orders * 23_500 + (i % 3) * 41_000 };
});
days[9] = { ...days[9]!, orders: 0, revenue: 0 }; // a day the shop was closed

const out = fileURLToPath(new URL("../docs/stats-chart.png", import.meta.url));
writeFileSync(out, renderSalesChart(days));
console.log(`wrote ${out}`);
