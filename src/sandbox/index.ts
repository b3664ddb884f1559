/**
 * SANDBOX=true: every provider's fake on loopback with fresh random credentials, and the configuration
 * that points the adapters at them.
 */
import type { ProvidersConfig } from "../providers/registry.js";
import { startGametopupFake, type GametopupFake } from "./gametopup.js";
import { randomSecret } from "./random.js";
import { startVifoxFake, type VifoxFake } from "./vifox.js";
import { startXenFake, type XenFake } from "./xen.js";
import { startXinstituteFake, type XinstituteFake } from "./xinstitute.js";
import { startXpayFake, type XpayFake } from "./xpay.js";

export interface SandboxOptions {
  /** Where the xinstitute fake posts its webhooks (also settable later: xinstitute.control.setWebhookUrl). */
  webhookUrl?: string;
  /** Orders move on by themselves: xinstitute ships after 20 s, gametopup succeeds after 10 s, xpay bills are paid after 15 s. */
  autoProgress?: boolean;
  host?: string;
}

export interface Sandbox {
  providers: ProvidersConfig;
  xinstitute: XinstituteFake;
  gametopup: GametopupFake;
  xen: XenFake;
  vifox: VifoxFake;
  xpay: XpayFake;
  close(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? "127.0.0.1";
  const xinstitute = await startXinstituteFake({
    host,
    apiKey: randomSecret().slice(0, 32),
    webhookSecret: randomSecret(),
    webhookUrl: opts.webhookUrl,
    autoShip: opts.autoProgress ? { afterMs: 20_000 } : undefined,
  });
  const started: { close(): Promise<void> }[] = [xinstitute];
  const start = async <F extends { close(): Promise<void> }>(fake: Promise<F>) => {
    try {
      const f = await fake;
      started.push(f);
      return f;
    } catch (e) {
      await Promise.all(started.map((f) => f.close()));
      throw e;
    }
  };
  const gametopup = await start(
    startGametopupFake({ host, apiKey: randomSecret().slice(0, 40), autoComplete: opts.autoProgress ? { afterMs: 10_000 } : undefined }),
  );
  const xen = await start(startXenFake({ host }));
  const vifox = await start(startVifoxFake({ host, partnerName: "sandbox" }));
  const xpay = await start(startXpayFake({ host, currency: "IDR", autoPay: opts.autoProgress ? { afterMs: 15_000 } : undefined }));
  return {
    providers: {
      xinstitute: { baseUrl: xinstitute.url, apiKey: xinstitute.apiKey, webhookSecret: xinstitute.webhookSecret },
      gametopup: {
        productsUrl: gametopup.productsUrl,
        orderUrl: gametopup.orderUrl,
        statusUrl: gametopup.statusUrl,
        apiKey: gametopup.apiKey,
        currency: "IDR",
      },
      xen: { baseUrl: xen.url, apiKey: xen.apiKey, webhookSecret: xen.webhookSecret },
      vifox: { baseUrl: vifox.url, apiKey: vifox.apiKey, apiSecret: vifox.apiSecret, partnerName: vifox.partnerName },
      xpay: { baseUrl: xpay.url, username: xpay.username, secretKey: xpay.secretKey, currency: xpay.currency },
    },
    xinstitute,
    gametopup,
    xen,
    vifox,
    xpay,
    async close() {
      await Promise.all(started.map((f) => f.close()));
    },
  };
}

export {
  startXinstituteFake,
  XINSTITUTE_SEED,
  type XinstituteFake,
  type XinstituteFakeOptions,
  type XinstituteControl,
  type XinstituteFakeOrder,
} from "./xinstitute.js";
export {
  startGametopupFake,
  GAMETOPUP_SEED,
  type GametopupFake,
  type GametopupFakeOptions,
  type GametopupControl,
  type FakeTransaction,
} from "./gametopup.js";
export type { FailSpec, LoggedRequest } from "./harness.js";
export type { WebhookDelivery, WebhookAttempt } from "./xinstitute-webhooks.js";
export {
  startVifoxFake,
  type VifoxFake,
  type VifoxFakeOptions,
  type VifoxControl,
  type VifoxFakeUser,
  type VifoxSeedUser,
  type VifoxHistoryRow,
} from "./vifox.js";
export {
  startXenFake,
  XEN_EXTENSIONS,
  XEN_ALL_SCOPES,
  xenSeedLicences,
  type XenFake,
  type XenFakeOptions,
  type XenControl,
  type XenFakeLicence,
  type XenFakeOrder,
  type XenScope,
} from "./xen.js";
export type { XenWebhookDelivery, XenForgery, XenFakeEvent } from "./xen-webhooks.js";
export {
  startXpayFake,
  type XpayFake,
  type XpayFakeOptions,
  type XpayControl,
  type XpayFakeBill,
  type XpayFakeBillStatus,
  type XpayFakeEndpoint,
} from "./xpay.js";
export type { HintPost } from "./xpay-hints.js";
