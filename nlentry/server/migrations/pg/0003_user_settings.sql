-- Each user's plain settings on PostgreSQL: what a user's config.toml holds when the server keeps its state
-- in SQLite (default_provider, the providers' settings that are not secret, confirm_below, round_to,
-- rounding, catalog_max_age, ...), as one JSON object. The secrets are not here: they are in `credentials`,
-- encrypted. (0002 is the users' journals.)

CREATE TABLE user_settings (
    user_id     text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,   -- a config.toml's tables, as JSON
    updated_at  double precision NOT NULL,
    version     bigint NOT NULL DEFAULT 0            -- one more on every change of settings or credentials:
                                                     --   processes that opened the user's journal reopen it
);
