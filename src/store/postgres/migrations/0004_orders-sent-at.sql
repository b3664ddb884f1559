-- Up Migration

-- When an order was handed to its provider. Set once (compare-and-set on NULL), just before the
-- provider may hear of it: a second sender can never claim the same order, and an order left
-- pending without it was certainly never sent.
ALTER TABLE orders ADD COLUMN sent_at timestamptz;
