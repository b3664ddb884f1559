-- Up Migration

-- Deposits by transfer (SPEC §6). The operator's accounts a reseller pays into, per currency;
-- a removed payee is kept (removed_at) so old deposits still name where they were paid.
CREATE TABLE payees (
  id         serial PRIMARY KEY,
  currency   text NOT NULL,
  label      text NOT NULL,
  details    text NOT NULL,
  created_by bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX payees_active ON payees (currency, id) WHERE removed_at IS NULL;

-- A transfer deposit is a record from the moment the slip is sent. It leaves 'submitted' once
-- (a conditional UPDATE), in the same transaction as its ledger credit, whose idempotency key
-- is the deposit id: two approvals race to one credit, a reject racing an approve to one outcome.
CREATE TABLE transfer_deposits (
  id             text PRIMARY KEY,
  user_id        bigint NOT NULL,
  amount         bigint NOT NULL CHECK (amount > 0),
  currency       text NOT NULL,
  state          text NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected', 'expired')),
  file_id        text NOT NULL,
  file_unique_id text NOT NULL,
  file_kind      text NOT NULL CHECK (file_kind IN ('photo', 'document')),
  -- The first deposit with the same slip (file_unique_id), when this one repeats it.
  duplicate_of   text,
  -- The amount the reseller claimed, when a reviewer changed it.
  claimed_amount bigint,
  reviewed_by    bigint,
  reviewed_at    timestamptz,
  reason         text,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  -- When the card was last raised again to the team (24 h unreviewed).
  raised_at      timestamptz
);
CREATE INDEX transfer_deposits_user ON transfer_deposits (user_id, created_at DESC);
CREATE INDEX transfer_deposits_slip ON transfer_deposits (file_unique_id, created_at);
CREATE INDEX transfer_deposits_open ON transfer_deposits (created_at) WHERE state = 'submitted';
CREATE INDEX transfer_deposits_reviewed ON transfer_deposits (reviewed_at) WHERE state = 'approved';

-- Every review card posted for a deposit, so each can be edited to show the outcome and who.
CREATE TABLE transfer_deposit_cards (
  deposit_id text NOT NULL REFERENCES transfer_deposits (id),
  chat_id    bigint NOT NULL,
  message_id bigint NOT NULL,
  posted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deposit_id, chat_id, message_id)
);
