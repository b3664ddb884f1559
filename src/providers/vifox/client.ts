/** vifox's Partner API (document 003): users, points, user points, user info, liquidity pool. */
import type { z } from "zod";
import type { Logger } from "../../observability/logger.js";
import type { ProviderHttp } from "../http.js";
import { parseItems } from "../parse-items.js";
import { localLimiters, type Limiter, type LimiterFactory, type RateLimiterOptions } from "../rate-limiter.js";
import {
  ProviderError,
  type AddPointsResult,
  type LiquidityPool,
  type PointsAward,
  type PointsAwardOutcome,
  type PointsHistoryEntry,
  type PointsSource,
  type PointsUser,
  type PointsUserInfo,
  type RegisterUsersResult,
  type UserPoints,
  type UserPointsQuery,
} from "../types.js";
import { mapVifoxError } from "./errors.js";
import {
  historyEntry,
  liquidityPoolResponse,
  pointsResponse,
  userInfoResponse,
  userPointsResponse,
  usersResponse,
  type VifoxAwardItem,
  type VifoxHistoryEntry,
  type VifoxUserPointsItem,
} from "./schemas.js";
import { isVifoxTransactionId, newVifoxTransactionId, signVifoxRequest } from "./signature.js";

export type VifoxEndpoint = "users" | "points" | "user-points" | "user-info" | "remaining-liquidity-pool";

/**
 * Assumption: the document names no request limit, only the answer "Reached the limit of
 * request" (405); we keep to a modest 60 calls a minute for the whole key, and obey that answer.
 */
export const VIFOX_RATE_LIMITS: RateLimiterOptions[] = [{ max: 60, windowMs: 60_000 }];

export interface VifoxClientOptions {
  /** Where the limits are counted: this process (default) or Redis, shared by every process. */
  limiters?: LimiterFactory;
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  partnerName: string;
  http: ProviderHttp;
  rateLimits?: RateLimiterOptions[];
  writeTimeoutMs?: number;
  readTimeoutMs?: number;
  logger?: Logger;
  /** Clock for X-TIMESTAMP (tests). */
  now?: () => number;
}

interface Call<T> {
  endpoint: VifoxEndpoint;
  body?: unknown;
  transactionId?: string;
  schema: z.ZodType<T>;
  answers?: number[];
}

export class VifoxClient implements PointsSource {
  private readonly base: URL;
  private readonly limiters: Limiter[];
  private readonly now: () => number;

  constructor(private readonly opts: VifoxClientOptions) {
    this.base = new URL(opts.baseUrl.replace(/\/+$/, ""));
    this.limiters = (opts.rateLimits ?? VIFOX_RATE_LIMITS).map((l, i) => (opts.limiters ?? localLimiters)(`vifox:${i}`, l));
    this.now = opts.now ?? Date.now;
  }

  newTransactionId(): string {
    return newVifoxTransactionId(this.opts.partnerName);
  }

  async registerUsers(users: PointsUser[], transactionId: string): Promise<RegisterUsersResult> {
    this.checkTransactionId("users", transactionId);
    if (users.length === 0) throw invalid("users", "no users to register");
    for (const u of users) if (!u.email?.trim()) throw invalid("users", "every user needs an e-mail");
    const body = {
      users: users.map((u) => ({
        email: u.email.trim(),
        first_name: u.firstName,
        last_name: u.lastName,
        mobile: u.mobile,
        postal_code: u.postalCode,
        address: u.address,
        username: u.username,
        referral_code: u.referralCode,
      })),
    };
    return this.call({ endpoint: "users", body, transactionId, schema: usersResponse, answers: [410] });
  }

  async addPoints(awards: PointsAward[], transactionId: string): Promise<AddPointsResult> {
    this.checkTransactionId("points", transactionId);
    if (awards.length === 0) throw invalid("points", "no awards to send");
    for (const a of awards) {
      if (!a.email?.trim()) throw invalid("points", "every award needs an e-mail");
      if (!Number.isSafeInteger(a.points) || a.points === 0)
        throw invalid("points", `points must be a whole number other than 0, got ${a.points}`);
    }
    const body = {
      users: awards.map((a) => ({
        email: a.email.trim(),
        point: a.points,
        description: a.description,
        external_transaction_id: a.externalId,
      })),
    };
    const res = await this.call({ endpoint: "points", body, transactionId, schema: pointsResponse, answers: [410] });
    return res.kind === "duplicate" ? res : { kind: "applied", outcomes: res.items.map(awardOutcome) };
  }

  async userPoints(query: UserPointsQuery = {}): Promise<UserPoints[]> {
    const emails = (query.emails ?? []).map((e) => e.trim()).filter(Boolean);
    // The body is optional: without one, every user of the partner account, without history.
    // Assumption: the document's user-points examples sign no body because they send none; when
    // we send one (users, option) it is signed like every other body, as step 1 says.
    const body =
      emails.length > 0 || query.withHistory
        ? { ...(emails.length > 0 ? { users: emails } : {}), ...(query.withHistory ? { option: "history" } : {}) }
        : undefined;
    const items = await this.call({ endpoint: "user-points", body, schema: userPointsResponse, answers: [404] });
    return items.map((item) => this.userPointsOf(item));
  }

  async userInfo(email: string): Promise<PointsUserInfo> {
    const e = email.trim();
    if (!e) throw invalid("user-info", "e-mail is required");
    const res = await this.call({ endpoint: "user-info", body: { email: e }, schema: userInfoResponse, answers: [404] });
    if (!res.found) return { status: "not_found", email: e };
    return {
      status: "found",
      email: res.email,
      firstName: res.first_name,
      lastName: res.last_name,
      points: res.point,
      kycVerified: res.kyc_status,
      parent: res.parent
        ? {
            email: res.parent.email,
            firstName: res.parent.first_name,
            lastName: res.parent.last_name,
            referralCode: res.parent.referral_code,
          }
        : undefined,
    };
  }

  async liquidityPool(): Promise<LiquidityPool> {
    const res = await this.call({ endpoint: "remaining-liquidity-pool", schema: liquidityPoolResponse });
    return { points: res.data.liquidity_pool, rate: res.data.rate };
  }

  /** Every endpoint is a signed POST; writes carry X-TRANSACTION-ID and are never repeated by us. */
  private call<T>(c: Call<T>): Promise<T> {
    const { apiKey, apiSecret } = this.opts;
    const path = `${this.base.pathname.replace(/\/+$/, "")}/api/v1/partners/${c.endpoint}`;
    // Serialised once: the string signed is the string sent.
    const raw = c.body === undefined ? "" : JSON.stringify(c.body);
    const { transactionId } = c;
    const write = transactionId !== undefined;
    return this.opts.http.request({
      endpoint: c.endpoint,
      url: `${this.base.origin}${path}`,
      method: "POST",
      // Built per attempt, after the limiter lets it out: the timestamp is fresh.
      headers: () => {
        const timestamp = String(Math.floor(this.now() / 1000));
        return {
          "Content-Type": "application/json",
          "X-API-KEY": apiKey,
          "X-TIMESTAMP": timestamp,
          "X-SIGNATURE": signVifoxRequest(apiSecret, "POST", path, timestamp, raw),
          ...(transactionId === undefined ? {} : { "X-TRANSACTION-ID": transactionId }),
        };
      },
      body: c.body === undefined ? undefined : raw,
      schema: c.schema,
      answers: c.answers,
      limiters: this.limiters,
      retry: write ? "none" : "read",
      mapError: mapVifoxError(c.endpoint),
      timeoutMs: write ? this.opts.writeTimeoutMs : this.opts.readTimeoutMs,
    });
  }

  private checkTransactionId(endpoint: VifoxEndpoint, id: string): void {
    if (!isVifoxTransactionId(id, this.opts.partnerName)) {
      throw invalid(endpoint, `transaction id must be ${this.opts.partnerName}_ and 10 digits`);
    }
  }

  private userPointsOf(item: VifoxUserPointsItem): UserPoints {
    if (item.status !== 200 || item.point === null) return { status: "invalid", email: item.email, message: item.message };
    const history = parseItems("vifox", item.history ?? [], historyEntry, historyOf, this.opts.logger);
    return { status: "valid", email: item.email, points: item.point, history };
  }
}

function historyOf(h: VifoxHistoryEntry): PointsHistoryEntry {
  return {
    id: h.id,
    userId: h.user_id,
    points: h.point,
    reason: h.reason,
    type: h.type,
    description: h.description,
    externalId: h.external_transaction_id,
    at: h.created_at,
  };
}

/** The document's per-user table: 403 is two things, told apart by the message. */
export function awardOutcome(item: VifoxAwardItem): PointsAwardOutcome {
  const base = { email: item.email, externalId: item.external_transaction_id, message: item.message };
  switch (item.status) {
    case 200:
      return { ...base, status: "awarded" };
    case 403:
      if (/liquidity/i.test(item.message)) return { ...base, status: "insufficient_pool" };
      if (/user'?s? point/i.test(item.message)) return { ...base, status: "insufficient_user_points" };
      return { ...base, status: "other", code: 403 };
    case 404:
      return { ...base, status: "not_registered" };
    case 429:
      return { ...base, status: "user_limit_reached" };
    default:
      return { ...base, status: "other", code: item.status };
  }
}

function invalid(endpoint: VifoxEndpoint, message: string): ProviderError {
  return new ProviderError({
    provider: "vifox",
    endpoint,
    kind: "rejected",
    code: "invalid_request",
    message: `vifox ${endpoint}: ${message}`,
  });
}
