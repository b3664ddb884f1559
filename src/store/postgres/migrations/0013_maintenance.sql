-- Maintenance (SPEC §5): the whole bot, a provider or one product, each with a note, set by an
-- admin or (auto) by a provider's failure streak. One row per scope and target; every process
-- reads it here, so they all agree. Replaces the whole-bot switch once kept in settings.
CREATE TABLE maintenance (
  scope  text NOT NULL CHECK (scope IN ('bot', 'provider', 'product')),
  -- '' for the whole bot, a provider id, or a product key "provider:sku".
  target text NOT NULL,
  note   text,
  -- The team member who set it; NULL when set automatically.
  set_by bigint,
  set_at timestamptz NOT NULL DEFAULT now(),
  auto   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (scope, target)
);

-- The old switch, carried over: on becomes the whole-bot row; the settings row goes either way.
INSERT INTO maintenance (scope, target, auto)
  SELECT 'bot', '', false FROM settings WHERE key = 'maintenance' AND value = 'true'::jsonb;
DELETE FROM settings WHERE key = 'maintenance';
