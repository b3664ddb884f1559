import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botDelivery } from "../../src/bot/delivery.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createLogger } from "../../src/observability/logger.js";
import { memoryRecords } from "../../src/store/memory/index.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";

describe("a notification sent to a chat", () => {
  let telegram: FakeTelegram;
  const logged: string[] = [];
  beforeAll(async () => {
    telegram = await startFakeTelegram();
  });
  afterAll(() => telegram?.close());

  it("still goes out when one of its buttons cannot be built, without that button, and the fault is logged", async () => {
    const user = telegram.user({ id: 4242, first_name: "Ann", language_code: "en" });
    const delivery = botDelivery({
      token: telegram.token,
      apiRoot: telegram.apiRoot,
      users: memoryRecords().users,
      translator: createI18n("en"),
      defaultLocale: "en",
      logger: createLogger({ level: "error", destination: { write: (line: string) => void logged.push(line) } }),
    });
    const result = await delivery.deliver(user.id, "flood-warning", {}, [
      [
        { key: "btn-receipt", action: { kind: "order-receipt", orderId: "not an order id, and far too long for callback data" } },
        { key: "btn-buy-again", action: { kind: "buy-again", orderId: "R0123456789" } },
      ],
    ]);
    expect(result).toEqual({ status: "sent", messageId: expect.any(Number) });
    const sent = user.messages().at(-1)!;
    expect(sent.text).toMatch(/slow down|too fast|many/i);
    expect(user.buttons(sent).map((b) => b.text)).toEqual(["🔁 Buy again"]);
    expect(logged.join("")).toContain("notification button left off");
  });
});
