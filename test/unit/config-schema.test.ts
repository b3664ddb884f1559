import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type Config, ConfigError, loadConfig } from "../../src/config.js";

const BOT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";
const SECRET = "webhook-secret_0123456789";
const load = (env: Record<string, string>) => loadConfig({ BOT_TOKEN, ...env });
const failure = (env: Record<string, string>): ConfigError => {
  try {
    load(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
};

/** The variables of each provider, all set. */
const GROUPS = {
  xinstitute: {
    XINSTITUTE_BASE_URL: "https://xinstitute.example",
    XINSTITUTE_API_KEY: "xi-key-0123456789",
    XINSTITUTE_WEBHOOK_SECRET: "xi-whsec-0123456789",
  },
  gametopup: {
    GAMETOPUP_PRODUCTS_URL: "https://g.example/p",
    GAMETOPUP_ORDER_URL: "https://g.example/o",
    GAMETOPUP_STATUS_URL: "https://g.example/s",
    GAMETOPUP_API_KEY: "gt-key-0123456789",
  },
  xen: { XEN_BASE_URL: "https://xen.example", XEN_API_KEY: "xs_live_0123456789", XEN_WEBHOOK_SECRET: "xen-whsec-0123456789" },
  vifox: {
    VIFOX_BASE_URL: "https://vifox.example",
    VIFOX_API_KEY: "vf-key-0123456789",
    VIFOX_API_SECRET: "vf-secret-0123456789",
    VIFOX_PARTNER_NAME: "reseller",
  },
  xpay: { XPAY_BASE_URL: "https://xpay.example", XPAY_USERNAME: "ops@reseller.example", XPAY_SECRET_KEY: "xp-secret-0123456789" },
} satisfies Record<keyof Config["providers"], Record<string, string>>;

/** .env.example as a dotenv loader reads it: KEY=value lines, comments and blank lines skipped. */
function sampleEnv(): Record<string, string> {
  const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
  const env: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) env[m[1]] = m[2];
  }
  return env;
}

describe("BOT_MODE", () => {
  it("polling (the default) leaves the webhook's URL and secret unset", () => {
    const c = load({});
    expect(c.mode).toBe("polling");
    expect(c.publicUrl).toBeUndefined();
    expect(c.webhookSecret).toBeUndefined();
    expect(load({ BOT_MODE: "polling", PUBLIC_URL: "", TELEGRAM_WEBHOOK_SECRET: "" }).publicUrl).toBeUndefined();
  });

  it("webhook needs PUBLIC_URL, then TELEGRAM_WEBHOOK_SECRET, whatever else is wrong", () => {
    expect(failure({ BOT_MODE: "webhook" }).message).toBe("PUBLIC_URL is required when BOT_MODE=webhook");
    expect(failure({ BOT_MODE: "webhook", PUBLIC_URL: "  ", TELEGRAM_WEBHOOK_SECRET: SECRET }).message).toBe(
      "PUBLIC_URL is required when BOT_MODE=webhook",
    );
    expect(failure({ BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example" }).message).toBe(
      "TELEGRAM_WEBHOOK_SECRET is required when BOT_MODE=webhook",
    );
    expect(failure({ BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example", NODE_ENV: "production" }).message).toBe(
      "TELEGRAM_WEBHOOK_SECRET is required when BOT_MODE=webhook",
    );
  });

  it("checks a set URL and secret in either mode, and never prints the secret", () => {
    expect(failure({ BOT_MODE: "webhook", PUBLIC_URL: "ftp://bot.example", TELEGRAM_WEBHOOK_SECRET: SECRET }).message).toMatch(
      /^PUBLIC_URL is invalid/,
    );
    const bad = failure({ BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example", TELEGRAM_WEBHOOK_SECRET: "short!secret" });
    expect(bad.message).toMatch(/^TELEGRAM_WEBHOOK_SECRET is invalid: must be 16–256 characters/);
    expect(bad.message).not.toContain("short!secret");
    expect(failure({ TELEGRAM_WEBHOOK_SECRET: "short!secret" }).message).toMatch(/^TELEGRAM_WEBHOOK_SECRET is invalid/);
    expect(failure({ BOT_MODE: "hook" }).message).toMatch(/^BOT_MODE is invalid: .*"polling"\|"webhook" \(got "hook"\)$/);
  });

  it("webhook gives the URL (without a trailing slash) and the secret as strings", () => {
    const c = load({ BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example/base//", TELEGRAM_WEBHOOK_SECRET: ` ${SECRET} ` });
    expect(c.mode).toBe("webhook");
    if (c.mode !== "webhook") return;
    expectTypeOf(c.publicUrl).toEqualTypeOf<string>();
    expectTypeOf(c.webhookSecret).toEqualTypeOf<string>();
    expect(c.publicUrl).toBe("https://bot.example/base");
    expect(c.webhookSecret).toBe(SECRET);
    expect(c.secrets).toContain(` ${SECRET} `);
  });

  it("types the polling URL and secret as possibly absent", () => {
    const c = load({});
    if (c.mode !== "polling") throw new Error("expected polling");
    expectTypeOf(c.publicUrl).toEqualTypeOf<string | undefined>();
    expectTypeOf(c.webhookSecret).toEqualTypeOf<string | undefined>();
  });
});

describe("a provider's variables", () => {
  it("all unset: the provider is off", () => {
    expect(load({}).providers).toEqual({
      xinstitute: undefined,
      gametopup: undefined,
      xen: undefined,
      vifox: undefined,
      xpay: undefined,
    });
    // Empty, as copied from .env.example, is unset too.
    const empty = Object.fromEntries(Object.values(GROUPS).flatMap((vars) => Object.keys(vars).map((name) => [name, ""])));
    expect(load(empty).providers.vifox).toBeUndefined();
  });

  it("all set: the provider's settings", () => {
    const c = load({ ...GROUPS.xinstitute, ...GROUPS.gametopup, ...GROUPS.xen, ...GROUPS.vifox, ...GROUPS.xpay, XPAY_CURRENCY: "MMK" });
    expect(c.providers).toEqual({
      xinstitute: { baseUrl: "https://xinstitute.example", apiKey: "xi-key-0123456789", webhookSecret: "xi-whsec-0123456789" },
      gametopup: {
        productsUrl: "https://g.example/p",
        orderUrl: "https://g.example/o",
        statusUrl: "https://g.example/s",
        apiKey: "gt-key-0123456789",
        currency: "IDR",
      },
      xen: { baseUrl: "https://xen.example", apiKey: "xs_live_0123456789", webhookSecret: "xen-whsec-0123456789" },
      vifox: { baseUrl: "https://vifox.example", apiKey: "vf-key-0123456789", apiSecret: "vf-secret-0123456789", partnerName: "reseller" },
      xpay: { baseUrl: "https://xpay.example", username: "ops@reseller.example", secretKey: "xp-secret-0123456789", currency: "MMK" },
    });
    expect(c.deposits.currency).toBe("MMK");
    expect(load(GROUPS.xen).providers).toMatchObject({ xen: { apiKey: "xs_live_0123456789" }, xinstitute: undefined });
  });

  it("some set: names the first missing variable and the one that is set, never a value", () => {
    for (const [provider, vars] of Object.entries(GROUPS)) {
      const names = Object.keys(vars);
      const [first, ...others] = Object.entries(vars);
      if (first === undefined) throw new Error(`${provider} has no variables`);
      // Only the first variable set: the second is the first missing.
      const onlyFirst = failure({ [first[0]]: first[1] });
      expect(onlyFirst.message).toBe(
        `${names[1]} is required when ${first[0]} is set (provider ${provider} needs all of ${names.join(", ")})`,
      );
      // All but the first set: the first is missing; the first set is named.
      const allButFirst = failure(Object.fromEntries(others));
      expect(allButFirst.message).toMatch(new RegExp(`^${first[0]} is required when ${names[1]} is set \\(provider ${provider} `));
      for (const [, value] of others) expect(allButFirst.message).not.toContain(value);
    }
  });

  it("some set but empty: still only partly set", () => {
    expect(failure({ ...GROUPS.xpay, XPAY_SECRET_KEY: " " }).message).toMatch(/^XPAY_SECRET_KEY is required when XPAY_BASE_URL is set/);
  });
});

describe("ADMIN_CHAT_ID", () => {
  it("unset or empty: no operator group; a number (a supergroup's is negative): that chat", () => {
    expect(load({}).adminChatId).toBeUndefined();
    expect(load({ ADMIN_CHAT_ID: " " }).adminChatId).toBeUndefined();
    expect(load({ ADMIN_CHAT_ID: "-1001234567890" }).adminChatId).toBe(-1001234567890);
    expect(load({ ADMIN_CHAT_ID: " -4012345 " }).adminChatId).toBe(-4012345);
    expectTypeOf(load({}).adminChatId).toEqualTypeOf<number | undefined>();
  });
  it("not a number: one line naming the variable and what it read", () => {
    for (const bad of ["@ops_team", "-100abc", "12.5", "-1001234567890123456789"]) {
      const err = failure({ ADMIN_CHAT_ID: bad });
      expect(err.message).toMatch(/^ADMIN_CHAT_ID is invalid: must be a Telegram chat id, a number such as -1001234567890 \(got "/);
      expect(err.message).not.toContain("\n");
    }
  });
});

describe(".env.example", () => {
  it("parses as it is, and as a webhook deployment once the webhook's two variables are filled in", () => {
    const sample = sampleEnv();
    expect(sample.BOT_TOKEN).toBeDefined();
    const c = loadConfig(sample);
    expect(c).toMatchObject({
      mode: "polling",
      publicUrl: undefined,
      port: 8080,
      pointsPerOrder: 10,
      bulkMaxLines: 50,
      maintenanceAutoFailures: 5,
    });
    expect(c.adminChatId).toBeUndefined();
    expect(Object.values(c.providers).every((p) => p === undefined)).toBe(true);
    const webhook = loadConfig({ ...sample, BOT_MODE: "webhook", PUBLIC_URL: "https://bot.example", TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(webhook).toMatchObject({ mode: "webhook", publicUrl: "https://bot.example", webhookSecret: SECRET });
  });
});

describe("MAINTENANCE_AUTO_FAILURES", () => {
  it("defaults to 5 and takes a positive whole number only", () => {
    expect(load({}).maintenanceAutoFailures).toBe(5);
    expect(load({ MAINTENANCE_AUTO_FAILURES: "3" }).maintenanceAutoFailures).toBe(3);
    for (const bad of ["0", "-1", "2.5", "many"])
      expect(failure({ MAINTENANCE_AUTO_FAILURES: bad }).message).toContain("MAINTENANCE_AUTO_FAILURES");
  });
});
