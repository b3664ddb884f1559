-- Up Migration

-- Resellers (and admins): one row per Telegram user who ever talked to the bot.
CREATE TABLE resellers (
  id                bigint PRIMARY KEY,
  username          text,
  first_name        text NOT NULL,
  locale            text CHECK (locale IN ('en', 'id', 'my')),
  telegram_language text,
  status            text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'banned')),
  tier              text NOT NULL CHECK (tier IN ('member', 'reseller', 'vip')),
  email             text,
  created_at        timestamptz NOT NULL,
  blocked_at        timestamptz
);
CREATE INDEX resellers_username ON resellers (lower(username));

-- One wallet per reseller and currency. The balance is the sum of the wallet's ledger entries;
-- the CHECK makes an overdraft impossible whatever the code or the concurrency.
CREATE TABLE wallets (
  user_id    bigint NOT NULL,
  currency   text NOT NULL CHECK (currency ~ '^[A-Z]{3,4}$'),
  balance    bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, currency)
);

-- The append-only ledger: every change of a balance is one row, written in the same statement
-- as the balance, and never updated or deleted (see the trigger below).
CREATE TABLE ledger_entries (
  seq             bigserial PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  user_id         bigint NOT NULL,
  currency        text NOT NULL,
  amount          bigint NOT NULL CHECK (amount <> 0),
  balance_after   bigint NOT NULL CHECK (balance_after >= 0),
  type            text NOT NULL CHECK (type IN ('credit', 'debit', 'refund', 'adjustment')),
  reason          text NOT NULL,
  actor           text NOT NULL,
  order_id        text,
  note            text,
  idempotency_key text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (user_id, currency) REFERENCES wallets (user_id, currency),
  -- A debit is a purchase: negative and tied to its order. Credits and refunds add money.
  CHECK (type <> 'debit' OR (amount < 0 AND order_id IS NOT NULL)),
  CHECK (type NOT IN ('credit', 'refund') OR amount > 0)
);
CREATE INDEX ledger_entries_user ON ledger_entries (user_id, seq DESC);
-- An order is charged at most once and refunded at most once, whatever the keys say.
CREATE UNIQUE INDEX ledger_one_debit_per_order ON ledger_entries (order_id) WHERE type = 'debit';
CREATE UNIQUE INDEX ledger_one_refund_per_order ON ledger_entries (order_id) WHERE type = 'refund';

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE orders (
  id                text PRIMARY KEY,
  user_id           bigint NOT NULL,
  provider          text NOT NULL,
  sku               text NOT NULL,
  product_name      text NOT NULL,
  quantity          integer NOT NULL CHECK (quantity > 0),
  email             text,
  player_id         text,
  zone              text,
  price             bigint NOT NULL CHECK (price >= 0),
  price_currency    text NOT NULL,
  cost              bigint NOT NULL CHECK (cost >= 0),
  unit_cost         bigint NOT NULL CHECK (unit_cost >= 0),
  cost_currency     text NOT NULL,
  state             text NOT NULL CHECK (state IN ('pending', 'processing', 'completed', 'failed', 'refunded',
                                                  'unknown', 'shipped', 'cancelled', 'delivery_failed')),
  provider_order_id text,
  failure           text,
  nickname          text,
  note              text,
  tracking_info     text,
  shipping_status   text,
  refunded_at       timestamptz,
  sandbox           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  UNIQUE (provider, provider_order_id)
);
CREATE INDEX orders_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_created ON orders (created_at);
CREATE INDEX orders_open ON orders (state) WHERE state IN ('pending', 'processing', 'unknown');

-- Every state an order went through, appended in the statement that changes the state.
CREATE TABLE order_events (
  seq      bigserial PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (id),
  state    text NOT NULL,
  note     text,
  at       timestamptz NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, seq);
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Pricing admins set at run time; tiers without a row use the configured default markup.
CREATE TABLE tier_markups (
  tier    text PRIMARY KEY CHECK (tier IN ('member', 'reseller', 'vip')),
  percent numeric(8, 3) NOT NULL CHECK (percent >= 0)
);
CREATE TABLE fixed_prices (
  product_key text PRIMARY KEY,
  amount      bigint NOT NULL CHECK (amount >= 0)
);
CREATE TABLE paused_products (
  product_key text PRIMARY KEY,
  reason      text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE audit_log (
  seq    bigserial PRIMARY KEY,
  at     timestamptz NOT NULL,
  actor  bigint NOT NULL,
  action text NOT NULL,
  target text,
  before jsonb,
  after  jsonb,
  note   text
);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
