import { badRequest, conflict } from "../api-error.js";
import type { MethodHandler } from "../core.js";

const DEFAULT_MAX_CONNECTIONS = 40;

const getUpdates: MethodHandler = ({ core, params, signal }) => {
  if (core.webhook.config) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  core.updates.setAllowed(params.json("allowed_updates"));
  return core.updates.getUpdates({
    offset: params.int("offset") ?? 0,
    limit: Math.min(Math.max(params.int("limit") ?? 100, 1), 100),
    timeout: Math.max(params.int("timeout") ?? 0, 0),
    signal,
  });
};

const setWebhook: MethodHandler = ({ core, params }) => {
  const url = params.string("url") ?? "";
  if (params.bool("drop_pending_updates")) core.updates.clear();
  // An empty URL removes the webhook, as on Telegram.
  if (url === "") {
    core.webhook.delete();
    return true;
  }
  // Telegram insists on HTTPS; the fake takes plain HTTP so tests can listen on localhost.
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  const secretToken = params.string("secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  core.updates.setAllowed(params.json("allowed_updates"));
  core.webhook.set({
    url,
    ...(secretToken ? { secretToken } : {}),
    maxConnections: params.int("max_connections") ?? DEFAULT_MAX_CONNECTIONS,
  });
  // A held long poll ends; the poller's next call meets the webhook conflict.
  core.updates.endPoll();
  return true;
};

const deleteWebhook: MethodHandler = ({ core, params }) => {
  if (params.bool("drop_pending_updates")) core.updates.clear();
  core.webhook.delete();
  return true;
};

export const updateMethods: Record<string, MethodHandler> = {
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo: ({ core }) => core.webhook.info(),
};
