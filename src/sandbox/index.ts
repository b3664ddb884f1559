/**
 * SANDBOX=true: both fakes on loopback with fresh random credentials, and the configuration
 * that points the adapters at them.
 */
import type { ProvidersConfig } from "../providers/registry.js";
import { startGametopupFake, type GametopupFake } from "./gametopup.js";
import { randomSecret } from "./random.js";
import { startXinstituteFake, type XinstituteFake } from "./xinstitute.js";

export interface SandboxOptions {
  /** Where the xinstitute fake posts its webhooks (also settable later: xinstitute.control.setWebhookUrl). */
  webhookUrl?: string;
  /** Orders move on by themselves: xinstitute ships after 20 s, gametopup succeeds after 10 s. */
  autoProgress?: boolean;
  host?: string;
}

export interface Sandbox {
  providers: ProvidersConfig;
  xinstitute: XinstituteFake;
  gametopup: GametopupFake;
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
  let gametopup: GametopupFake;
  try {
    gametopup = await startGametopupFake({
      host,
      apiKey: randomSecret().slice(0, 40),
      autoComplete: opts.autoProgress ? { afterMs: 10_000 } : undefined,
    });
  } catch (e) {
    await xinstitute.close();
    throw e;
  }
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
    },
    xinstitute,
    gametopup,
    async close() {
      await Promise.all([xinstitute.close(), gametopup.close()]);
    },
  };
}

export { startXinstituteFake, XINSTITUTE_SEED, type XinstituteFake, type XinstituteFakeOptions, type XinstituteControl, type XinstituteFakeOrder } from "./xinstitute.js";
export { startGametopupFake, GAMETOPUP_SEED, type GametopupFake, type GametopupFakeOptions, type GametopupControl, type FakeTransaction } from "./gametopup.js";
export type { FailSpec, LoggedRequest } from "./harness.js";
export type { WebhookDelivery, WebhookAttempt } from "./xinstitute-webhooks.js";
export { startVifoxFake, type VifoxFake, type VifoxFakeOptions, type VifoxControl, type VifoxFakeUser, type VifoxSeedUser, type VifoxHistoryRow } from "./vifox.js";
export { startXenFake, XEN_EXTENSIONS, XEN_ALL_SCOPES, xenSeedLicences, type XenFake, type XenFakeOptions, type XenControl, type XenFakeLicence, type XenFakeOrder, type XenScope } from "./xen.js";
export type { XenWebhookDelivery, XenForgery, XenFakeEvent } from "./xen-webhooks.js";
export { startXpayFake, type XpayFake, type XpayFakeOptions, type XpayControl, type XpayFakeBill, type XpayFakeBillStatus, type XpayFakeEndpoint } from "./xpay.js";
export type { HintPost } from "./xpay-hints.js";
