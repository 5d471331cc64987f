-- The nlentry database (nlentry.db under NLENTRY_HOME), applied by nlentry/booking/store.py.
-- Times are unix seconds (REAL) from the store's clock; days are ISO dates; entries are stored whole
-- as JSON (nlentry.booking.store.entry_to_json) next to the few columns that are queried.
-- PRAGMA user_version holds the schema version (store.SCHEMA_VERSION).

-- The catalog last fetched from each provider by `nlentry sync`: parsing reads it offline.
CREATE TABLE IF NOT EXISTS catalog_cache (
    provider    TEXT PRIMARY KEY,
    catalog     TEXT NOT NULL,              -- Catalog.to_dict() as JSON
    synced_at   REAL NOT NULL
);

-- Aliases the user added locally (`nlentry alias add webshp Webshop`). Kept apart from the cache so
-- that a sync, which replaces the cache, never loses them.
CREATE TABLE IF NOT EXISTS aliases (
    provider    TEXT NOT NULL,
    alias       TEXT NOT NULL,              -- as typed
    target      TEXT NOT NULL,              -- the name (or id) of a catalog item
    kind        TEXT CHECK (kind IN ('project', 'client', 'service', 'person')),  -- NULL: first match
    created_at  REAL NOT NULL,
    PRIMARY KEY (provider, alias)
);

-- The catalog of the embedded `local` provider, filled by `nlentry catalog import FILE`.
CREATE TABLE IF NOT EXISTS local_catalog (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    catalog     TEXT NOT NULL,
    updated_at  REAL NOT NULL
);

-- The entries of the embedded `local` provider.
CREATE TABLE IF NOT EXISTS entries (
    id            TEXT PRIMARY KEY,         -- the remote id `local` hands out: the idempotency key
    day           TEXT NOT NULL,
    start_time    TEXT,                     -- HH:MM:SS
    end_time      TEXT,
    duration      INTEGER,                  -- seconds; NULL while a timer runs
    running_since REAL,                     -- set while this entry is the running timer
    description   TEXT NOT NULL DEFAULT '',
    entry         TEXT NOT NULL,
    created_at    REAL NOT NULL,
    updated_at    REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_day ON entries (day);
CREATE INDEX IF NOT EXISTS entries_running ON entries (running_since) WHERE running_since IS NOT NULL;

-- The durable outbox: every entry is committed here before it is posted (nlentry/booking/outbox.py). It is
-- also the journal of what was logged with nlentry (`nlentry ls`, `undo`, `amend`).
-- pending -> posting (claimed by one flusher, with a lease) -> posted | pending (retry) | failed.
-- 'posted' means the provider holds what the row says; an amend or undo sets it pending again.
CREATE TABLE IF NOT EXISTS outbox (
    key             TEXT PRIMARY KEY,       -- idempotency key (UUID4), handed to the provider
    provider        TEXT NOT NULL,
    entry           TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'posting', 'posted', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,   -- claims so far: > 0 means a post may have arrived
    next_attempt_at REAL NOT NULL,
    last_error      TEXT,
    remote_id       TEXT,
    claimed_by      TEXT,
    claimed_at      REAL,
    created_at      REAL NOT NULL,
    updated_at      REAL NOT NULL,
    day             TEXT,                   -- the entry's date (ISO), for `nlentry ls` and `report`
    deleted         INTEGER NOT NULL DEFAULT 0, -- 1: undone; once 'posted' again it is gone at the provider
    sending         TEXT,                   -- the entry as sent by the claim in progress (a create)
    unsettled       TEXT                    -- JSON list of entries sent whose outcome is unknown (may be
                                            -- at the provider): only these are looked for before a re-post
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_day ON outbox (day) WHERE deleted = 0;

-- The running timer (`nlentry start`): at most one. Kept here, not at the provider, so timers work the
-- same for every provider and offline; `nlentry stop` turns it into an entry through the outbox.
CREATE TABLE IF NOT EXISTS timer (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    provider    TEXT NOT NULL,
    entry       TEXT NOT NULL,              -- what the phrase said (entry_to_json)
    started_at  REAL NOT NULL               -- unix time
);
