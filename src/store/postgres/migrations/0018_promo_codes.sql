-- Promo codes (SPEC §7). A code's remaining uses are a counter on its row: the debit's own
-- transaction takes a use with a conditional UPDATE (which also locks the row, so the
-- per-reseller count read after it is exact), and inserts the order's use row. A refund gives the
-- use back once: released_at is set once, and the counter comes down in the same transaction.
CREATE TABLE promo_codes (
  code          text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
  -- 'percent': value is basis points (10% = 1000); 'amount': value is minor units of currency.
  kind          text NOT NULL CHECK (kind IN ('percent', 'amount')),
  value         bigint NOT NULL CHECK (value > 0),
  currency      text,
  max_uses      integer CHECK (max_uses > 0),
  per_reseller  integer CHECK (per_reseller > 0),
  until         timestamptz,
  min_amount    bigint CHECK (min_amount > 0),
  min_currency  text,
  product       text,
  active        boolean NOT NULL DEFAULT true,
  used          integer NOT NULL DEFAULT 0 CHECK (used >= 0 AND (max_uses IS NULL OR used <= max_uses)),
  created_by    bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'amount') = (currency IS NOT NULL)),
  CHECK (kind <> 'percent' OR value <= 10000)
);

-- One use per order (the order id is the key), so a retried debit can never take two.
CREATE TABLE promo_uses (
  order_id     text PRIMARY KEY REFERENCES orders (id),
  code         text NOT NULL REFERENCES promo_codes (code),
  user_id      bigint NOT NULL,
  discount     bigint NOT NULL CHECK (discount > 0),
  currency     text NOT NULL,
  used_at      timestamptz NOT NULL DEFAULT now(),
  released_at  timestamptz
);
CREATE INDEX promo_uses_live ON promo_uses (code, user_id) WHERE released_at IS NULL;
CREATE INDEX promo_uses_at ON promo_uses (used_at) WHERE released_at IS NULL;
