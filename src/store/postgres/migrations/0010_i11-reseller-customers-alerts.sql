-- Up Migration

-- The customers a reseller bought for lately (player id with zone, or e-mail), offered as buttons
-- in the purchase flow. Only the latest few per reseller and kind are kept (pruned on each use).
-- zone is '' when there is none, so that one player id without a zone is one row.
CREATE TABLE saved_customers (
  id       bigserial PRIMARY KEY,
  user_id  bigint NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('player', 'email')),
  value    text NOT NULL,
  zone     text NOT NULL DEFAULT '',
  nickname text,
  used_at  timestamptz NOT NULL,
  UNIQUE (user_id, kind, value, zone)
);
CREATE INDEX saved_customers_recent ON saved_customers (user_id, kind, used_at DESC);

-- A reseller's low-balance alert level per wallet currency, in minor units.
CREATE TABLE low_balance_thresholds (
  user_id    bigint NOT NULL,
  currency   text NOT NULL CHECK (currency ~ '^[A-Z]{3,4}$'),
  threshold  bigint NOT NULL CHECK (threshold > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, currency)
);
