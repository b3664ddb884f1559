-- Up Migration

-- Wallet deposits paid through xpay. A deposit credits its wallet at most once: the ledger entry's
-- idempotency key is derived from the deposit id, and the state only leaves 'open' once.
CREATE TABLE deposits (
  id           text PRIMARY KEY,
  user_id      bigint NOT NULL,
  amount       bigint NOT NULL CHECK (amount > 0),
  currency     text NOT NULL,
  bill_id      text UNIQUE,
  state        text NOT NULL CHECK (state IN ('open', 'paid', 'expired', 'cancelled')),
  pay_url      text,
  instructions text,
  expires_at   timestamptz,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  settled_at   timestamptz
);
CREATE INDEX deposits_user ON deposits (user_id, created_at DESC);
CREATE INDEX deposits_open ON deposits (created_at) WHERE state = 'open';

-- Loyalty points awarded per completed order: one row per order, whatever the retries.
CREATE TABLE points_awards (
  order_id       text PRIMARY KEY REFERENCES orders (id),
  user_id        bigint NOT NULL,
  email          text NOT NULL,
  points         integer NOT NULL CHECK (points > 0),
  transaction_id text NOT NULL UNIQUE,
  state          text NOT NULL CHECK (state IN ('pending', 'awarded', 'limit_reached', 'failed')),
  attempts       integer NOT NULL DEFAULT 0,
  note           text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX points_awards_user ON points_awards (user_id, created_at DESC);
CREATE INDEX points_awards_pending ON points_awards (created_at) WHERE state = 'pending';

ALTER TABLE resellers ADD COLUMN points_registered_at timestamptz;

-- Which resellers looked up which licence keys: a webhook about a key reaches them too.
CREATE TABLE licence_links (
  licence_key text NOT NULL,
  user_id     bigint NOT NULL,
  linked_at   timestamptz NOT NULL,
  PRIMARY KEY (licence_key, user_id)
);
