/** The provider directory: an adapter as the capabilities it has, and the enabled adapters the domain sees. */
import type { AccountSource } from "./account.js";
import type { CatalogSource } from "./catalog.js";
import type { LicenceAccountSource, LicenceSource, LicenceWebhookSource } from "./licences.js";
import type { ProviderId } from "./money.js";
import type { OrderPlacer } from "./ordering.js";
import type { PaymentsSource } from "./payments.js";
import type { PointsSource } from "./points.js";
import type { StatusSource } from "./status.js";
import type { WebhookSource } from "./webhooks.js";

export interface ProviderAdapter {
  id: ProviderId;
  catalog?: CatalogSource;
  ordering?: OrderPlacer;
  status?: StatusSource;
  account?: AccountSource;
  webhooks?: WebhookSource;
  points?: PointsSource; // vifox
  licences?: LicenceSource; // xen
  licenceAccount?: LicenceAccountSource; // xen
  licenceWebhooks?: LicenceWebhookSource; // xen
  payments?: PaymentsSource; // xpay
}

/** What the domain needs of the registry: the enabled adapters. */
export interface ProviderDirectory {
  list(): ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
}
