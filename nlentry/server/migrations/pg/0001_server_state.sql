-- The server's own state on PostgreSQL: who may use the server and as whom, what waits for an answer,
-- what was handled already, how fast each user may go, and the users' provider credentials (encrypted).
-- Times are unix seconds (double precision), as the server's clock gives them.

CREATE TABLE users (
    id          text PRIMARY KEY,                -- also the folder name under users/
    locale      text,                            -- the language of replies when a message does not say
    created_at  double precision NOT NULL
);

CREATE TABLE api_keys (
    id          text PRIMARY KEY,                -- the key's public prefix, shown by `apikey ls`
    hash        text NOT NULL UNIQUE,            -- sha256 of the whole key (hex); never the key
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text NOT NULL DEFAULT '',
    created_at  double precision NOT NULL
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

CREATE TABLE chat_links (
    identity    text PRIMARY KEY,                -- slack:<team>:<user> or telegram:<user id>
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  double precision NOT NULL
);
CREATE INDEX chat_links_user ON chat_links (user_id);

CREATE TABLE link_codes (
    hash        text PRIMARY KEY,                -- sha256 of the code as shown (without the dash)
    identity    text NOT NULL UNIQUE,            -- the chat identity the code links (one code at a time)
    expires_at  double precision NOT NULL
);

CREATE TABLE pending (
    id          text PRIMARY KEY,                -- random, carried by the buttons
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry       text NOT NULL,                   -- nlentry.store.entry_to_json
    changing    boolean NOT NULL DEFAULT false,  -- the user pressed Change: the next message amends it
    expires_at  double precision NOT NULL
);
CREATE INDEX pending_user ON pending (user_id, expires_at);

CREATE TABLE deliveries (
    id          text PRIMARY KEY,                -- slack-sig:<sig>, slack-trigger:<id>, telegram:<update_id>
    expires_at  double precision NOT NULL        -- kept as long as a replay or retry could come
);
CREATE INDEX deliveries_expiry ON deliveries (expires_at);

-- GCRA: `tat` is the theoretical arrival time of the next request; one row per user (or chat identity),
-- updated in one statement. Unlogged: a crash of the database forgets the buckets, which only resets
-- the limits (and saves writing the WAL on every request).
CREATE UNLOGGED TABLE rate_buckets (
    key         text PRIMARY KEY,
    tat         double precision NOT NULL
);

CREATE TABLE credentials (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text NOT NULL,
    name        text NOT NULL,                   -- the setting: token, api_key, client_secret, ...
    secret      bytea NOT NULL,                  -- a Fernet token (nlentry.server.vault), never the value
    updated_at  double precision NOT NULL,
    PRIMARY KEY (user_id, provider, name)
);
