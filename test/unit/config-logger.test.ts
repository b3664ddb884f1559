import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/observability/logger.js";

const TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const load = (env: Record<string, string>) => () => loadConfig(env);

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      mode: "polling",
      host: "0.0.0.0",
      port: 8080,
      registration: "approval",
      defaultLocale: "en",
      sandbox: false,
    });
    expect(c.apiRoot).toBe("https://api.telegram.org");
    expect(c.providers.gametopup).toBeUndefined();
  });
  it("names the variable in one line, and never prints a secret", () => {
    expect(load({})).toThrow("BOT_TOKEN is required");
    expect(load({ BOT_TOKEN: "not-a-token-secret-value" })).toThrow(/^BOT_TOKEN is invalid/);
    expect(load({ BOT_TOKEN: "not-a-token-secret-value" })).not.toThrow(/secret-value/);
    expect(load({ BOT_TOKEN: TOKEN, PORT: "http" })).toThrow(/PORT is invalid.*"http"/);
    expect(load({ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: "fr" })).toThrow(/DEFAULT_LOCALE/);
    expect(load({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" })).toThrow("PUBLIC_URL is required when BOT_MODE=webhook");
    expect(load({ BOT_TOKEN: TOKEN, NODE_ENV: "production" })).toThrow(/DATABASE_URL is required/);
    expect(load({ BOT_TOKEN: TOKEN, NODE_ENV: "production", DATABASE_URL: "postgres://u:pw@db/rb" })).toThrow(/REDIS_URL is required/);
    expect(load({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://u:pw@db/rb" })).toThrow(/^DATABASE_URL is invalid: must start with postgres/);
    expect(load({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://u:pw@db/rb" })).not.toThrow(/pw@db/);
    expect(load({ BOT_TOKEN: TOKEN, GAMETOPUP_API_KEY: "k".repeat(20) })).toThrow(
      /GAMETOPUP_PRODUCTS_URL is required when GAMETOPUP_API_KEY/,
    );
    expect(load({ BOT_TOKEN: TOKEN, ADMIN_IDS: "1,abc" })).toThrow(/ADMIN_IDS/);
  });
  it("turns a provider on only with all of its variables", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: "1, 2",
      GAMETOPUP_PRODUCTS_URL: "https://g.example/p",
      GAMETOPUP_ORDER_URL: "https://g.example/o",
      GAMETOPUP_STATUS_URL: "https://g.example/s",
      GAMETOPUP_API_KEY: "key-123456",
    });
    expect(c.adminIds).toEqual([1, 2]);
    expect(c.providers.gametopup).toMatchObject({ currency: "IDR", apiKey: "key-123456" });
    expect(c.secrets).toContain("key-123456");
  });
});

describe("logger", () => {
  it("redacts secrets by field name and by value, wherever they hide", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, cb) => {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ level: "info", secrets: ["s3cr3t-api-key-value"], destination: sink });
    log.info({ apiKey: "other-value-1", headers: { authorization: "Bearer xyz" } }, "calling");
    log.warn({ err: new Error("failed with s3cr3t-api-key-value in url") }, "oops s3cr3t-api-key-value");
    await new Promise((r) => setImmediate(r));
    const all = lines.join("\n");
    expect(all).not.toContain("s3cr3t-api-key-value");
    expect(all).not.toContain("other-value-1");
    expect(all).not.toContain("Bearer xyz");
    expect(all).toContain("[REDACTED]");
  });
});
