import { pino, type Logger } from "pino";

export type { Logger };

const REDACT_PATHS = [
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "*.secretKey",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "*.Authorization",
  "headers.authorization",
  "headers.Authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
  "*.headers['x-api-key']",
  "*.headers['X-API-Key']",
];

/** Replaces every occurrence of a known secret value in a string. */
/** Resellers' API keys and callback secrets (SPEC §8) have a shape: redacted wherever they appear. */
const API_SECRETS = /\b(?:rk_live|rk_test|whsec)_[0-9A-Za-z]{16,}/g;

export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  // Short values would redact ordinary words; real keys are long.
  const values = [...new Set(secrets.filter((s) => s.length >= 6))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(API_SECRETS, "[REDACTED]");
    for (const v of values) out = out.split(v).join("[REDACTED]");
    return out;
  };
}

function scrub(value: unknown, redact: (t: string) => string, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { type: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, redact, depth + 1);
  return out;
}

export function createLogger(opts: {
  level?: string;
  pretty?: boolean;
  secrets?: readonly string[];
  destination?: pino.DestinationStream;
}): Logger {
  const redact = makeRedactor(opts.secrets ?? []);
  const options: pino.LoggerOptions = {
    level: opts.level ?? "info",
    // Secrets are removed twice: by field name, and by value wherever they hide in a string.
    redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
    formatters: { log: (obj) => scrub(obj, redact) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const mapped = args.map((a) => (typeof a === "string" ? redact(a) : a)) as Parameters<typeof method>;
        method.apply(this, mapped);
      },
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  }
  return pino(options);
}
