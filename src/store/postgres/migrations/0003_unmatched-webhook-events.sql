-- Up Migration

-- Verified provider webhooks for an order whose provider id we do not know yet (the order's own
-- answer still in flight): kept until the id arrives, then applied.
CREATE TABLE unmatched_events (
  provider          text NOT NULL,
  delivery_id       text NOT NULL,
  provider_order_id text NOT NULL,
  event             jsonb NOT NULL,
  received_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, delivery_id)
);
CREATE INDEX unmatched_events_order ON unmatched_events (provider, provider_order_id);
