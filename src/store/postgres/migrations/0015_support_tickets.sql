-- Support tickets (SPEC §5): a reseller's conversation with the team, open until a member closes it.
-- At most a few open at once per reseller: each open ticket holds one numbered slot, and the
-- partial unique index makes two concurrent opens that pick the same slot collide, so the limit
-- holds whatever the concurrency (the app picks the first free slot up to its maximum).
CREATE TABLE support_tickets (
  id          bigserial PRIMARY KEY,
  reseller_id bigint NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  slot        smallint NOT NULL CHECK (slot >= 1),
  opened_at   timestamptz NOT NULL DEFAULT now(),
  closed_at   timestamptz,
  closed_by   bigint,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX support_tickets_open_slot ON support_tickets (reseller_id, slot) WHERE status = 'open';
CREATE INDEX support_tickets_reseller ON support_tickets (reseller_id, opened_at DESC);

-- Every message of a ticket as both sides see it: the reseller's ('in', one row per team chat it
-- was copied to), a member's reply ('out'), and the card each team chat got ('card'). A reply in a
-- team chat finds its ticket by (team_chat_id, team_message_id); a reseller's reply by theirs.
CREATE TABLE support_messages (
  id                  bigserial PRIMARY KEY,
  ticket_id           bigint NOT NULL REFERENCES support_tickets (id),
  kind                text NOT NULL CHECK (kind IN ('card', 'in', 'out')),
  from_user_id        bigint NOT NULL,
  team_chat_id        bigint NOT NULL,
  team_thread_id      bigint,
  team_message_id     bigint NOT NULL,
  reseller_message_id bigint NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_messages_team ON support_messages (team_chat_id, team_message_id);
CREATE INDEX support_messages_ticket ON support_messages (ticket_id, reseller_message_id);
