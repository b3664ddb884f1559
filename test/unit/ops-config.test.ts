import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const base = { BOT_TOKEN: "123456:TEST-token-abcdefghijklmnopqrstuvwxyz" };
const load = (env: Record<string, string>) => loadConfig({ ...base, ...env });

describe("the operators' configuration", () => {
  it("defaults to a report at 08:00 UTC and no balance alerts", () => {
    const c = load({ REPORT_HOUR: "", REPORT_TIMEZONE: "", XINSTITUTE_BALANCE_ALERT: "", VIFOX_POOL_ALERT: "" });
    expect(c.report).toEqual({ hour: 8, timeZone: "UTC" });
    expect(c.balanceAlerts).toEqual({ xinstituteMmk: undefined, vifoxPoints: undefined });
  });

  it("reads the hour (or off), the zone and the thresholds", () => {
    expect(load({ REPORT_HOUR: "0", REPORT_TIMEZONE: "Asia/Yangon" }).report).toEqual({ hour: 0, timeZone: "Asia/Yangon" });
    expect(load({ REPORT_HOUR: "off" }).report.hour).toBeUndefined();
    expect(load({ XINSTITUTE_BALANCE_ALERT: "500000", VIFOX_POOL_ALERT: "0" }).balanceAlerts).toEqual({
      xinstituteMmk: 500_000,
      vifoxPoints: 0,
    });
  });

  it("stops with one line naming a bad variable", () => {
    expect(() => load({ REPORT_HOUR: "24" })).toThrow(/^REPORT_HOUR is invalid/);
    expect(() => load({ REPORT_HOUR: "8am" })).toThrow(/^REPORT_HOUR is invalid: must be an hour 0-23 or "off"/);
    expect(() => load({ REPORT_TIMEZONE: "Jakarta" })).toThrow(/^REPORT_TIMEZONE is invalid: must be an IANA time zone/);
    expect(() => load({ XINSTITUTE_BALANCE_ALERT: "1.5" })).toThrow(/^XINSTITUTE_BALANCE_ALERT is invalid/);
    expect(() => load({ VIFOX_POOL_ALERT: "-1" })).toThrow(/^VIFOX_POOL_ALERT is invalid/);
  });
});
