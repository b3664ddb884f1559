-- Up Migration

-- Referrals (SPEC §7). A user is bound to a referrer once: the primary key on user_id makes a
-- second binding a no-op (ON CONFLICT DO NOTHING), whatever the concurrency; never to themselves.
CREATE TABLE referrals (
  user_id     bigint PRIMARY KEY,
  referrer_id bigint NOT NULL,
  bound_at    timestamptz NOT NULL,
  CHECK (user_id <> referrer_id)
);
CREATE INDEX referrals_referrer ON referrals (referrer_id);

-- One commission per order (its ledger entry is keyed referral:<order id>). `reversed` is what an
-- admin refund took back from the referrer's wallet; `shortfall` what it could not take (the
-- balance was lower), shown on /user.
CREATE TABLE referral_commissions (
  order_id    text PRIMARY KEY,
  referrer_id bigint NOT NULL,
  user_id     bigint NOT NULL,
  currency    text NOT NULL,
  amount      bigint NOT NULL CHECK (amount > 0),
  at          timestamptz NOT NULL,
  reversed    bigint NOT NULL DEFAULT 0 CHECK (reversed >= 0),
  shortfall   bigint NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
  reversed_at timestamptz,
  CHECK (reversed + shortfall <= amount)
);
CREATE INDEX referral_commissions_referrer ON referral_commissions (referrer_id, at);
CREATE INDEX referral_commissions_at ON referral_commissions (at);

-- The admins' growth settings: the commission in basis points (hundredths of a percent, so
-- "2.5" is exact) and for how many months after binding it is paid.
CREATE TABLE growth_settings (
  id                    boolean PRIMARY KEY DEFAULT true CHECK (id),
  referral_basis_points integer NOT NULL DEFAULT 0 CHECK (referral_basis_points BETWEEN 0 AND 10000),
  referral_months       integer NOT NULL DEFAULT 12 CHECK (referral_months > 0)
);
INSERT INTO growth_settings DEFAULT VALUES;

-- Volume tiers: the completed sales of the last 30 days (minor units) that promote to a tier, per currency.
CREATE TABLE tier_thresholds (
  currency text NOT NULL,
  tier     text NOT NULL,
  amount   bigint NOT NULL CHECK (amount > 0),
  PRIMARY KEY (currency, tier)
);
