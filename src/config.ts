import { z } from "zod";
import { LOCALES } from "./domain/locale.js";
import { parseCidr } from "./lib/ip.js";
import { isTimeZone } from "./lib/time-zone.js";
import { isCurrency } from "./lib/money.js";

/** Variables whose values must never be printed, not even in a configuration error. */
export const SECRET_VARS = [
  "BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "REDIS_URL",
  "DATABASE_URL",
  "METRICS_TOKEN",
  "XINSTITUTE_API_KEY",
  "XINSTITUTE_WEBHOOK_SECRET",
  "GAMETOPUP_API_KEY",
  "XEN_API_KEY",
  "XEN_WEBHOOK_SECRET",
  "VIFOX_API_KEY",
  "VIFOX_API_SECRET",
  "XPAY_SECRET_KEY",
] as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * The message of a variable that another one makes necessary. describeIssue prints it whole,
 * as "NAME is required when …", whatever the variable holds.
 */
const REQUIRED_WHEN = "required when ";
const requiredWhen = (condition: string) => `${REQUIRED_WHEN}${condition}`;
/** Schema params whose message for a missing value is `message`; a present but bad value keeps zod's own. */
const whenMissing = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined) });

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");
/** Unset, empty and blank are all "not set"; a set value is trimmed. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const HTTP = /^https?$/;
const optionalUrl = optionalText.pipe(z.url({ protocol: HTTP }).optional());
const percent = (def: number) => z.coerce.number().min(0).max(1000).default(def);
const currency = z
  .string()
  .regex(/^[A-Z]{3,4}$/, "must be an ISO currency code such as IDR")
  .default("IDR");
const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

/** Everything that does not depend on BOT_MODE or on which providers are on. */
const general = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC… (from @BotFather)"),
    TELEGRAM_API_ROOT: z.url({ protocol: HTTP }).default("https://api.telegram.org"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    METRICS_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters").optional()),
    REDIS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
        .optional(),
    ),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    ADMIN_IDS: z
      .string()
      .default("")
      .refine(
        (v) => v.split(",").every((s) => s.trim() === "" || /^\d+$/.test(s.trim())),
        "must be comma-separated numeric Telegram user ids",
      )
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map(Number),
      ),
    /** The operator group (a supergroup id, negative: -100…); unset: alerts go to the team's DMs. */
    ADMIN_CHAT_ID: optionalText.pipe(
      z
        .string()
        .regex(/^-?\d{1,16}$/, "must be a Telegram chat id, a number such as -1001234567890")
        .transform(Number)
        .refine(Number.isSafeInteger, "must be a Telegram chat id, a number such as -1001234567890")
        .optional(),
    ),
    REGISTRATION: z.enum(["approval", "open"]).default("approval"),
    DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
    SANDBOX: bool,
    CATALOG_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    MARKUP_MEMBER: percent(10),
    MARKUP_RESELLER: percent(5),
    MARKUP_VIP: percent(2),
    // Empty (as in .env.example) is unset: 0 would silently turn awards off.
    VIFOX_POINTS_PER_ORDER: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).max(1_000_000).default(10)),
    /** Deposits are billed, and wallets credited, in this currency (also xpay's). */
    XPAY_CURRENCY: currency,
    /** Deposit limits and the amounts offered as buttons, in whole units of XPAY_CURRENCY. */
    DEPOSIT_MIN: z.coerce.number().int().positive().default(10_000),
    DEPOSIT_MAX: z.coerce.number().int().positive().default(10_000_000),
    DEPOSIT_AMOUNTS: z
      .string()
      .default("50000,100000,250000,500000")
      .refine((v) => v.split(",").every((s) => /^\d+$/.test(s.trim())), "must be comma-separated whole amounts")
      .transform((v) => v.split(",").map((s) => Number(s.trim()))),
    /** Deposits by transfer: bounds per currency in whole units, `IDR:10000-50000000,MMK:1000-10000000`. */
    TRANSFER_LIMITS: z
      .string()
      .default("IDR:10000-50000000,MMK:1000-10000000,USD:1-5000")
      .refine(
        (v) =>
          v.split(",").every((s) => {
            const m = /^([A-Z]{3,4}):(\d{1,12})-(\d{1,12})$/.exec(s.trim());
            return m !== null && isCurrency(m[1] ?? "") && Number(m[2]) >= 1 && Number(m[2]) <= Number(m[3]);
          }),
        "must be CUR:min-max, comma-separated, in whole units of known currencies, 1 <= min <= max",
      )
      .transform((v) =>
        Object.fromEntries(
          v.split(",").map((s) => {
            const [cur = "", range = ""] = s.trim().split(":");
            const [min, max] = range.split("-").map(Number);
            return [cur, { min: min ?? 0, max: max ?? 0 }];
          }),
        ),
      ),
    /** The admins' daily report: local hour (or "off") and the IANA zone its day and hour are in. */
    REPORT_HOUR: optionalText.pipe(
      z.union([z.literal("off"), z.coerce.number<string>().int().min(0).max(23)], { error: 'must be an hour 0-23 or "off"' }).default(8),
    ),
    REPORT_TIMEZONE: optionalText.pipe(z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Jakarta").default("UTC")),
    /** Most lines one bulk top-up message may hold (each line is one order). */
    BULK_MAX_LINES: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(100).default(50)),
    /** Provider balance alerts; unset: off. xinstitute in whole MMK, vifox in points. */
    XINSTITUTE_BALANCE_ALERT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).optional()),
    VIFOX_POOL_ALERT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).optional()),
    /** Failed provider calls in a row (unreachable, 5xx, timeout) that put the provider in maintenance. */
    MAINTENANCE_AUTO_FAILURES: optionalText.pipe(z.coerce.number<string | undefined>().int().positive().max(1000).default(5)),
    /** The reseller API: requests per second per key (burst twice that), counted across processes. */
    API_RATE_PER_SECOND: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(10_000).default(10)),
    /** Proxies whose X-Forwarded-For is believed (IPs or CIDR ranges, comma-separated); nobody else's is. */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every((e) => parseCidr(e) !== undefined), "must be comma-separated IPs or CIDR ranges"),
    /** Callbacks to loopback and private addresses (tests, the sandbox); never in production. */
    API_CALLBACK_ALLOW_PRIVATE: bool,
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    botToken: env.BOT_TOKEN,
    apiRoot: withoutTrailingSlash(env.TELEGRAM_API_ROOT),
    host: env.HOST,
    port: env.PORT,
    metricsToken: env.METRICS_TOKEN,
    redisUrl: env.REDIS_URL,
    databaseUrl: env.DATABASE_URL,
    adminIds: env.ADMIN_IDS,
    adminChatId: env.ADMIN_CHAT_ID,
    registration: env.REGISTRATION,
    defaultLocale: env.DEFAULT_LOCALE,
    sandbox: env.SANDBOX,
    catalogTtlMs: env.CATALOG_TTL_SECONDS * 1000,
    markups: { member: env.MARKUP_MEMBER, reseller: env.MARKUP_RESELLER, vip: env.MARKUP_VIP },
    pointsPerOrder: env.VIFOX_POINTS_PER_ORDER,
    deposits: { currency: env.XPAY_CURRENCY, min: env.DEPOSIT_MIN, max: env.DEPOSIT_MAX, amounts: env.DEPOSIT_AMOUNTS },
    transferLimits: env.TRANSFER_LIMITS as Record<string, { min: number; max: number }>,
    report: { hour: env.REPORT_HOUR === "off" ? undefined : env.REPORT_HOUR, timeZone: env.REPORT_TIMEZONE },
    bulkMaxLines: env.BULK_MAX_LINES,
    balanceAlerts: { xinstituteMmk: env.XINSTITUTE_BALANCE_ALERT, vifoxPoints: env.VIFOX_POOL_ALERT },
    maintenanceAutoFailures: env.MAINTENANCE_AUTO_FAILURES,
    api: {
      ratePerSecond: env.API_RATE_PER_SECOND,
      trustedProxies: env.TRUSTED_PROXIES,
      // The sandbox's shop is on this machine: its callbacks go to loopback.
      callbackAllowPrivate: env.API_CALLBACK_ALLOW_PRIVATE || env.SANDBOX,
    },
  }));

/** Telegram's secret_token: 16–256 characters of A-Z a-z 0-9 _ -. */
const webhookSecret = (params?: ReturnType<typeof whenMissing>) =>
  z.string(params).regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A-Z a-z 0-9 _ -");

/** How updates arrive. Webhook needs where Telegram posts them and the secret it sends; polling reads (and checks) them if set. */
const mode = z.discriminatedUnion(
  "BOT_MODE",
  [
    z
      .object({
        BOT_MODE: z.literal("polling").default("polling"),
        PUBLIC_URL: optionalUrl,
        TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(webhookSecret().optional()),
      })
      .transform((env) => ({
        mode: env.BOT_MODE,
        publicUrl: env.PUBLIC_URL === undefined ? undefined : withoutTrailingSlash(env.PUBLIC_URL),
        webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
      })),
    z
      .object({
        BOT_MODE: z.literal("webhook"),
        PUBLIC_URL: optionalText.pipe(z.url({ protocol: HTTP, ...whenMissing(requiredWhen("BOT_MODE=webhook")) })),
        TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(webhookSecret(whenMissing(requiredWhen("BOT_MODE=webhook")))),
      })
      .transform((env) => ({
        mode: env.BOT_MODE,
        publicUrl: withoutTrailingSlash(env.PUBLIC_URL),
        webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
      })),
  ],
  { error: 'Invalid option: expected one of "polling"|"webhook"' },
);

/**
 * One provider's variables, all of which switch it on: all set or none. Some set is an error naming
 * the first missing one. `extra` holds its variables that have defaults and play no part in that.
 */
function providerVars<Group extends Record<string, z.ZodType<string | undefined, string | undefined>>, Extra extends z.ZodRawShape>(
  provider: string,
  group: Group,
  extra: Extra,
) {
  const names = Object.keys(group);
  return z.object({ ...group, ...extra }).superRefine((env, ctx) => {
    const values: Record<string, unknown> = env;
    const set = names.filter((name) => values[name] !== undefined);
    const missing = names.find((name) => values[name] === undefined);
    if (set[0] === undefined || missing === undefined) return;
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: requiredWhen(`${set[0]} is set (provider ${provider} needs all of ${names.join(", ")})`),
    });
  });
}

// Each provider: its settings when its variables are all set, undefined when none is (providerVars refuses the rest).
const xinstitute = providerVars(
  "xinstitute",
  { XINSTITUTE_BASE_URL: optionalUrl, XINSTITUTE_API_KEY: optionalText, XINSTITUTE_WEBHOOK_SECRET: optionalText },
  {},
).transform(({ XINSTITUTE_BASE_URL: baseUrl, XINSTITUTE_API_KEY: apiKey, XINSTITUTE_WEBHOOK_SECRET: webhookSecret }) => ({
  xinstitute: baseUrl && apiKey && webhookSecret ? { baseUrl, apiKey, webhookSecret } : undefined,
}));

const gametopup = providerVars(
  "gametopup",
  {
    GAMETOPUP_PRODUCTS_URL: optionalUrl,
    GAMETOPUP_ORDER_URL: optionalUrl,
    GAMETOPUP_STATUS_URL: optionalUrl,
    GAMETOPUP_API_KEY: optionalText,
  },
  { GAMETOPUP_CURRENCY: currency },
).transform((env) => {
  const { GAMETOPUP_PRODUCTS_URL: productsUrl, GAMETOPUP_ORDER_URL: orderUrl, GAMETOPUP_STATUS_URL: statusUrl } = env;
  const { GAMETOPUP_API_KEY: apiKey, GAMETOPUP_CURRENCY: currency } = env;
  return {
    gametopup: productsUrl && orderUrl && statusUrl && apiKey ? { productsUrl, orderUrl, statusUrl, apiKey, currency } : undefined,
  };
});

const xen = providerVars("xen", { XEN_BASE_URL: optionalUrl, XEN_API_KEY: optionalText, XEN_WEBHOOK_SECRET: optionalText }, {}).transform(
  ({ XEN_BASE_URL: baseUrl, XEN_API_KEY: apiKey, XEN_WEBHOOK_SECRET: webhookSecret }) => ({
    xen: baseUrl && apiKey && webhookSecret ? { baseUrl, apiKey, webhookSecret } : undefined,
  }),
);

const vifox = providerVars(
  "vifox",
  { VIFOX_BASE_URL: optionalUrl, VIFOX_API_KEY: optionalText, VIFOX_API_SECRET: optionalText, VIFOX_PARTNER_NAME: optionalText },
  {},
).transform(({ VIFOX_BASE_URL: baseUrl, VIFOX_API_KEY: apiKey, VIFOX_API_SECRET: apiSecret, VIFOX_PARTNER_NAME: partnerName }) => ({
  vifox: baseUrl && apiKey && apiSecret && partnerName ? { baseUrl, apiKey, apiSecret, partnerName } : undefined,
}));

const xpay = providerVars(
  "xpay",
  { XPAY_BASE_URL: optionalUrl, XPAY_USERNAME: optionalText, XPAY_SECRET_KEY: optionalText },
  { XPAY_CURRENCY: currency },
).transform(({ XPAY_BASE_URL: baseUrl, XPAY_USERNAME: username, XPAY_SECRET_KEY: secretKey, XPAY_CURRENCY: currency }) => ({
  xpay: baseUrl && username && secretKey ? { baseUrl, username, secretKey, currency } : undefined,
}));

const providers = xinstitute
  .and(gametopup)
  .and(xen)
  .and(vifox)
  .and(xpay)
  .transform((providers) => ({ providers }));

/**
 * The whole configuration, from the environment. Each part reads its own variables from the same
 * (flat) environment and their outputs are merged; the first issue found is the one reported.
 * Production's needs are checked last, once everything else is valid.
 */
const schema = general
  .and(providers)
  .and(mode)
  .transform((config, ctx) => {
    if (config.env !== "production") return config;
    if (!config.databaseUrl) {
      const why = "the in-memory store loses money records on restart";
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: requiredWhen(`NODE_ENV=production (${why})`) });
    }
    if (!config.redisUrl) {
      const why = "in-memory queues and sessions are lost on restart and not shared";
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: requiredWhen(`NODE_ENV=production (${why})`) });
    }
    return config;
  });

function describeIssue(issue: z.core.$ZodIssue, source: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0] ?? "configuration");
  if (issue.message.startsWith(REQUIRED_WHEN)) return `${name} is ${issue.message}`;
  const raw = source[name];
  if (raw === undefined || raw === "") return `${name} is required`;
  // Never print the value of a secret; for others it helps to see what was read.
  const shown = (SECRET_VARS as readonly string[]).includes(name) ? "" : ` (got ${JSON.stringify(raw.slice(0, 60))})`;
  return `${name} is invalid: ${issue.message}${shown}`;
}

export type Config = z.output<typeof schema> & {
  /** Every secret value, for the log redactor. */
  secrets: string[];
};

/** Reads and checks the configuration; a ConfigError names the first bad or missing variable, never a secret's value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    throw new ConfigError(first ? describeIssue(first, source) : "the configuration is invalid");
  }
  return {
    ...parsed.data,
    secrets: SECRET_VARS.map((v) => source[v]).filter((v): v is string => typeof v === "string" && v.length > 0),
  };
}
