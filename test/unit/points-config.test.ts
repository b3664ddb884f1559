import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const BOT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

describe("VIFOX_POINTS_PER_ORDER", () => {
  it("defaults to 10 when unset or empty (as copied from .env.example), and 0 turns awards off", () => {
    expect(loadConfig({ BOT_TOKEN }).pointsPerOrder).toBe(10);
    expect(loadConfig({ BOT_TOKEN, VIFOX_POINTS_PER_ORDER: "" }).pointsPerOrder).toBe(10);
    expect(loadConfig({ BOT_TOKEN, VIFOX_POINTS_PER_ORDER: "0" }).pointsPerOrder).toBe(0);
    expect(loadConfig({ BOT_TOKEN, VIFOX_POINTS_PER_ORDER: "25" }).pointsPerOrder).toBe(25);
  });
  it("refuses what is not a whole number of points", () => {
    for (const bad of ["abc", "-1", "2.5"])
      expect(() => loadConfig({ BOT_TOKEN, VIFOX_POINTS_PER_ORDER: bad }), bad).toThrow(/VIFOX_POINTS_PER_ORDER/);
  });
});
