import { z } from "zod";
import { isTimeZone } from "./lib/time-zone.js";

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

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());
const percent = (def: number) => z.coerce.number().min(0).max(1000).default(def);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC… (from @BotFather)"),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  PUBLIC_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A-Z a-z 0-9 _ -")
      .optional(),
  ),
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
  REGISTRATION: z.enum(["approval", "open"]).default("approval"),
  DEFAULT_LOCALE: z.enum(["en", "id", "my"]).default("en"),
  SANDBOX: bool,
  CATALOG_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  MARKUP_MEMBER: percent(10),
  MARKUP_RESELLER: percent(5),
  MARKUP_VIP: percent(2),
  XINSTITUTE_BASE_URL: optionalUrl,
  XINSTITUTE_API_KEY: optionalText,
  XINSTITUTE_WEBHOOK_SECRET: optionalText,
  GAMETOPUP_PRODUCTS_URL: optionalUrl,
  GAMETOPUP_ORDER_URL: optionalUrl,
  GAMETOPUP_STATUS_URL: optionalUrl,
  GAMETOPUP_API_KEY: optionalText,
  GAMETOPUP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3,4}$/, "must be an ISO currency code such as IDR")
    .default("IDR"),
  XEN_BASE_URL: optionalUrl,
  XEN_API_KEY: optionalText,
  XEN_WEBHOOK_SECRET: optionalText,
  VIFOX_BASE_URL: optionalUrl,
  VIFOX_API_KEY: optionalText,
  VIFOX_API_SECRET: optionalText,
  VIFOX_PARTNER_NAME: optionalText,
  // Empty (as in .env.example) is unset: 0 would silently turn awards off.
  VIFOX_POINTS_PER_ORDER: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).max(1_000_000).default(10)),
  XPAY_BASE_URL: optionalUrl,
  XPAY_USERNAME: optionalText,
  XPAY_SECRET_KEY: optionalText,
  XPAY_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3,4}$/, "must be an ISO currency code such as IDR")
    .default("IDR"),
  /** Deposit limits and the amounts offered as buttons, in whole units of XPAY_CURRENCY. */
  DEPOSIT_MIN: z.coerce.number().int().positive().default(10_000),
  DEPOSIT_MAX: z.coerce.number().int().positive().default(10_000_000),
  DEPOSIT_AMOUNTS: z
    .string()
    .default("50000,100000,250000,500000")
    .refine((v) => v.split(",").every((s) => /^\d+$/.test(s.trim())), "must be comma-separated whole amounts")
    .transform((v) => v.split(",").map((s) => Number(s.trim()))),
  /** The admins' daily report: local hour (or "off") and the IANA zone its day and hour are in. */
  REPORT_HOUR: optionalText.pipe(
    z.union([z.literal("off"), z.coerce.number<string>().int().min(0).max(23)], { error: 'must be an hour 0-23 or "off"' }).default(8),
  ),
  REPORT_TIMEZONE: optionalText.pipe(z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Jakarta").default("UTC")),
  /** Provider balance alerts; unset: off. xinstitute in whole MMK, vifox in points. */
  /** Most lines one bulk top-up message may hold (each line is one order). */
  BULK_MAX_LINES: optionalText.pipe(z.coerce.number<string | undefined>().int().min(1).max(100).default(50)),
  XINSTITUTE_BALANCE_ALERT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).optional()),
  VIFOX_POOL_ALERT: optionalText.pipe(z.coerce.number<string | undefined>().int().min(0).optional()),
});

type Env = z.infer<typeof schema>;

/** Groups of variables that switch a provider on: all set, or none. */
const PROVIDER_GROUPS: Record<string, (keyof Env)[]> = {
  xinstitute: ["XINSTITUTE_BASE_URL", "XINSTITUTE_API_KEY", "XINSTITUTE_WEBHOOK_SECRET"],
  gametopup: ["GAMETOPUP_PRODUCTS_URL", "GAMETOPUP_ORDER_URL", "GAMETOPUP_STATUS_URL", "GAMETOPUP_API_KEY"],
  xen: ["XEN_BASE_URL", "XEN_API_KEY", "XEN_WEBHOOK_SECRET"],
  vifox: ["VIFOX_BASE_URL", "VIFOX_API_KEY", "VIFOX_API_SECRET", "VIFOX_PARTNER_NAME"],
  xpay: ["XPAY_BASE_URL", "XPAY_USERNAME", "XPAY_SECRET_KEY"],
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function checkGroups(env: Env): void {
  for (const [provider, vars] of Object.entries(PROVIDER_GROUPS)) {
    const set = vars.filter((v) => env[v] !== undefined);
    const missing = vars.find((v) => env[v] === undefined);
    if (set.length > 0 && missing) {
      throw new ConfigError(`${missing} is required when ${set[0]} is set (provider ${provider} needs all of ${vars.join(", ")})`);
    }
  }
  if (env.BOT_MODE === "webhook") {
    if (!env.PUBLIC_URL) throw new ConfigError("PUBLIC_URL is required when BOT_MODE=webhook");
    if (!env.TELEGRAM_WEBHOOK_SECRET) throw new ConfigError("TELEGRAM_WEBHOOK_SECRET is required when BOT_MODE=webhook");
  }
  if (!env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new ConfigError("DATABASE_URL is required when NODE_ENV=production (the in-memory store loses money records on restart)");
  }
  if (!env.REDIS_URL && env.NODE_ENV === "production") {
    throw new ConfigError(
      "REDIS_URL is required when NODE_ENV=production (in-memory queues and sessions are lost on restart and not shared)",
    );
  }
}

function describeIssue(issue: z.core.$ZodIssue, source: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0] ?? "configuration");
  const raw = source[name];
  if (raw === undefined || raw === "") return `${name} is required`;
  // Never print the value of a secret; for others it helps to see what was read.
  const shown = (SECRET_VARS as readonly string[]).includes(name) ? "" : ` (got ${JSON.stringify(raw.slice(0, 60))})`;
  return `${name} is invalid: ${issue.message}${shown}`;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error.issues[0]!, source));
  const env = parsed.data;
  checkGroups(env);
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    botToken: env.BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    mode: env.BOT_MODE,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    host: env.HOST,
    port: env.PORT,
    metricsToken: env.METRICS_TOKEN,
    redisUrl: env.REDIS_URL,
    databaseUrl: env.DATABASE_URL,
    adminIds: env.ADMIN_IDS,
    registration: env.REGISTRATION,
    defaultLocale: env.DEFAULT_LOCALE,
    sandbox: env.SANDBOX,
    catalogTtlMs: env.CATALOG_TTL_SECONDS * 1000,
    markups: { member: env.MARKUP_MEMBER, reseller: env.MARKUP_RESELLER, vip: env.MARKUP_VIP },
    providers: {
      xinstitute: env.XINSTITUTE_API_KEY
        ? { baseUrl: env.XINSTITUTE_BASE_URL!, apiKey: env.XINSTITUTE_API_KEY, webhookSecret: env.XINSTITUTE_WEBHOOK_SECRET! }
        : undefined,
      gametopup: env.GAMETOPUP_API_KEY
        ? {
            productsUrl: env.GAMETOPUP_PRODUCTS_URL!,
            orderUrl: env.GAMETOPUP_ORDER_URL!,
            statusUrl: env.GAMETOPUP_STATUS_URL!,
            apiKey: env.GAMETOPUP_API_KEY,
            currency: env.GAMETOPUP_CURRENCY,
          }
        : undefined,
      xen: env.XEN_API_KEY ? { baseUrl: env.XEN_BASE_URL!, apiKey: env.XEN_API_KEY, webhookSecret: env.XEN_WEBHOOK_SECRET! } : undefined,
      vifox: env.VIFOX_API_KEY
        ? {
            baseUrl: env.VIFOX_BASE_URL!,
            apiKey: env.VIFOX_API_KEY,
            apiSecret: env.VIFOX_API_SECRET!,
            partnerName: env.VIFOX_PARTNER_NAME!,
          }
        : undefined,
      xpay: env.XPAY_USERNAME
        ? { baseUrl: env.XPAY_BASE_URL!, username: env.XPAY_USERNAME, secretKey: env.XPAY_SECRET_KEY!, currency: env.XPAY_CURRENCY }
        : undefined,
    },
    pointsPerOrder: env.VIFOX_POINTS_PER_ORDER,
    deposits: { currency: env.XPAY_CURRENCY, min: env.DEPOSIT_MIN, max: env.DEPOSIT_MAX, amounts: env.DEPOSIT_AMOUNTS },
    report: { hour: env.REPORT_HOUR === "off" ? undefined : env.REPORT_HOUR, timeZone: env.REPORT_TIMEZONE },
    bulkMaxLines: env.BULK_MAX_LINES,
    balanceAlerts: { xinstituteMmk: env.XINSTITUTE_BALANCE_ALERT, vifoxPoints: env.VIFOX_POOL_ALERT },
    /** Every secret value, for the log redactor. */
    secrets: SECRET_VARS.map((v) => source[v]).filter((v): v is string => typeof v === "string" && v.length > 0),
  };
}

export type Config = ReturnType<typeof loadConfig>;
