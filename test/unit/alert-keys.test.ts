import { describe, expect, it } from "vitest";
import { authAlertKey } from "../../src/domain/orders/placement.js";

describe("the credential alert's dedupe key", () => {
  it("is one per provider and code within an hour, and a new one the next hour (the queue keeps ids a week)", () => {
    const t = Date.UTC(2026, 11, 7, 10, 0, 0);
    expect(authAlertKey("gametopup", "invalid_key", t)).toBe(authAlertKey("gametopup", "invalid_key", t + 59 * 60_000));
    expect(authAlertKey("gametopup", "invalid_key", t)).not.toBe(authAlertKey("gametopup", "invalid_key", t + 60 * 60_000));
    expect(authAlertKey("gametopup", "invalid_key", t)).not.toBe(authAlertKey("gametopup", "invalid_hash", t));
    expect(authAlertKey("gametopup", "invalid_key", t)).not.toBe(authAlertKey("xinstitute", "invalid_key", t));
  });
});
