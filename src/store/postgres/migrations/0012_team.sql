-- The operator team (SPEC §5): a role given in chat with /role. Owners come from ADMIN_IDS only,
-- so they are never stored; NULL is a reseller with no team role.
ALTER TABLE resellers ADD COLUMN team_role text CHECK (team_role IN ('admin', 'finance', 'support'));
CREATE INDEX resellers_team ON resellers (team_role) WHERE team_role IS NOT NULL;
