-- The operator group (SPEC §5). Keyed by the configured ADMIN_CHAT_ID: chat_id follows Telegram's
-- migrate_to_chat_id when a group is upgraded, without a change to the environment.
CREATE TABLE operator_groups (
  configured_id bigint PRIMARY KEY,
  chat_id bigint NOT NULL,
  -- The bot was removed (my_chat_member): alerts go to the owners' DMs until it is back.
  removed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Forum topics the bot created, per chat (a migrated group starts with none).
CREATE TABLE operator_group_topics (
  chat_id bigint NOT NULL,
  topic text NOT NULL,
  thread_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chat_id, topic)
);
