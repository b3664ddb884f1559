import { describe, expect, it } from "vitest";
import { yesterday } from "../../src/domain/daily-report.js";
import { addDays, isTimeZone, localDate, offsetMs, startOfLocalDay, zonedParts } from "../../src/lib/time-zone.js";

const HOUR = 3600_000;

describe("local days in an IANA time zone", () => {
  it("knows which names are zones", () => {
    expect(isTimeZone("Asia/Jakarta")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("puts an instant on the local calendar day and hour", () => {
    const t = Date.UTC(2026, 2, 10, 23, 30);
    expect(localDate(t, "UTC")).toBe("2026-03-10");
    expect(localDate(t, "Asia/Jakarta")).toBe("2026-03-11");
    expect(localDate(t, "Asia/Yangon")).toBe("2026-03-11"); // +6:30
    expect(zonedParts(t, "Asia/Yangon")).toMatchObject({ hour: 6, minute: 0 });
    expect(offsetMs(t, "Asia/Yangon")).toBe(6.5 * HOUR);
  });

  it("finds the instant a local day starts, across daylight saving changes", () => {
    expect(startOfLocalDay("2026-03-11", "Asia/Jakarta")).toBe(Date.UTC(2026, 2, 10, 17));
    // New York: EST (-5) until 8 March 2026, EDT (-4) after.
    expect(startOfLocalDay("2026-03-08", "America/New_York")).toBe(Date.UTC(2026, 2, 8, 5));
    expect(startOfLocalDay("2026-03-09", "America/New_York")).toBe(Date.UTC(2026, 2, 9, 4));
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("takes yesterday as the whole previous local day", () => {
    // 08:00 in Jakarta on 11 March is 01:00 UTC.
    expect(yesterday(Date.UTC(2026, 2, 11, 1), "Asia/Jakarta")).toEqual({
      day: "2026-03-10",
      since: Date.UTC(2026, 2, 9, 17),
      until: Date.UTC(2026, 2, 10, 17),
    });
    // The day daylight saving starts in New York has 23 hours.
    const w = yesterday(Date.UTC(2026, 2, 9, 13), "America/New_York");
    expect(w.day).toBe("2026-03-08");
    expect(w.until - w.since).toBe(23 * HOUR);
  });
});
