-- The reseller API (SPEC §8). A key is kept only as its SHA-256 (the key itself is shown once in
-- chat); the callback secret is kept as it is, since every callback is signed with it. One live
-- key per reseller: rotating revokes the old one in the same transaction.
CREATE TABLE api_keys (
  id              text PRIMARY KEY,
  reseller_id     bigint NOT NULL REFERENCES resellers (id),
  key_hash        text NOT NULL UNIQUE,
  key_hint        text NOT NULL,
  callback_secret text NOT NULL,
  created_at      timestamptz NOT NULL,
  revoked_at      timestamptz
);
CREATE UNIQUE INDEX api_keys_one_live ON api_keys (reseller_id) WHERE revoked_at IS NULL;

-- What a reseller set in /api: where callbacks go, which addresses may call, chat pushes, and
-- the last callback's outcome (shown in /api).
CREATE TABLE api_settings (
  reseller_id    bigint PRIMARY KEY REFERENCES resellers (id),
  callback_url   text,
  allowed_ips    text[] NOT NULL DEFAULT '{}',
  notify_in_chat boolean NOT NULL DEFAULT false,
  last_callback  jsonb
);

-- Idempotency of POST /api/v1/orders, held by PostgreSQL: the first request with a ref_id claims
-- it with the order id every later one answers; the body's hash tells a replay from a conflict.
CREATE TABLE api_orders (
  reseller_id bigint NOT NULL,
  ref_id      text NOT NULL CHECK (length(ref_id) BETWEEN 1 AND 64),
  order_id    text NOT NULL UNIQUE,
  body_hash   text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (reseller_id, ref_id)
);

-- Callback events, one per status change of an API order, delivered in seq order per order. The
-- body is kept as sent (text, not jsonb) so every retry carries the same bytes and signature.
CREATE TABLE api_events (
  event_id     text PRIMARY KEY,
  order_id     text NOT NULL,
  reseller_id  bigint NOT NULL,
  seq          integer NOT NULL,
  body         text NOT NULL,
  created_at   timestamptz NOT NULL,
  delivered_at timestamptz,
  given_up_at  timestamptz,
  attempts     integer NOT NULL DEFAULT 0,
  UNIQUE (order_id, seq)
);
CREATE INDEX api_events_open ON api_events (order_id, seq) WHERE delivered_at IS NULL AND given_up_at IS NULL;
