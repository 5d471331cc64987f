-- Every user's booking state on PostgreSQL (nlentry.booking.postgres.PostgresBooking): the tables of a
-- user's SQLite nlentry.db (nlentry/booking/schema.sql), each row carrying its user's id. The statements
-- that read and write them are shared with SQLite (nlentry/booking/sql.py), so the columns keep their
-- names and meanings. Times are unix seconds (double precision); days are ISO dates; entries are stored
-- whole as JSON text (nlentry.booking.store.entry_to_json), compared as text by the outbox.

-- The catalog last fetched from each provider: parsing reads it without the network.
CREATE TABLE catalog_cache (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text NOT NULL,
    catalog     text NOT NULL,                   -- Catalog.to_dict() as JSON
    synced_at   double precision NOT NULL,
    PRIMARY KEY (user_id, provider)
);

-- Aliases the user added (`alias add webshp Webshop`), apart from the cache so a sync never loses them.
CREATE TABLE aliases (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    text NOT NULL,
    alias       text NOT NULL,
    target      text NOT NULL,
    kind        text CHECK (kind IN ('project', 'client', 'service', 'person')),
    created_at  double precision NOT NULL,
    PRIMARY KEY (user_id, provider, alias)
);

-- The catalog of the embedded `local` provider (one per user).
CREATE TABLE local_catalog (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id          integer NOT NULL DEFAULT 1 CHECK (id = 1),
    catalog     text NOT NULL,
    updated_at  double precision NOT NULL,
    PRIMARY KEY (user_id, id)
);

-- The entries of the embedded `local` provider.
CREATE TABLE entries (
    user_id       text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id            text COLLATE "C" NOT NULL,     -- the remote id `local` hands out: the idempotency key
    day           text NOT NULL,
    start_time    text,                          -- HH:MM:SS
    end_time      text,
    duration      bigint,                        -- seconds; NULL while a timer runs
    running_since double precision,              -- set while this entry is the running timer
    description   text NOT NULL DEFAULT '',
    entry         text NOT NULL,
    created_at    double precision NOT NULL,
    updated_at    double precision NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX entries_day ON entries (user_id, day);
CREATE INDEX entries_running ON entries (user_id, running_since) WHERE running_since IS NOT NULL;

-- The durable outbox, also the journal of what was logged (nlentry/booking/outbox.py).
-- pending -> posting (claimed by one flusher of any process: SELECT ... FOR UPDATE SKIP LOCKED, then a
-- lease in claimed_by / claimed_at) -> posted | pending (retry) | failed.
CREATE TABLE outbox (
    user_id         text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seq             bigserial NOT NULL,          -- the order items were logged in (SQLite: rowid)
    key             text COLLATE "C" NOT NULL,   -- idempotency key (UUID4), handed to the provider
    provider        text NOT NULL,
    entry           text NOT NULL,
    state           text NOT NULL CHECK (state IN ('pending', 'posting', 'posted', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,  -- claims so far: > 0 means a post may have arrived
    next_attempt_at double precision NOT NULL,
    last_error      text,
    remote_id       text,
    claimed_by      text,                        -- host/boot/pid namespace|pid|token of the claimer
    claimed_at      double precision,            -- the lease runs from here
    created_at      double precision NOT NULL,
    updated_at      double precision NOT NULL,
    day             text,                        -- the entry's date (ISO), for `ls` and `report`
    deleted         integer NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),  -- 1: undone
    sending         text,                        -- the entry as sent by the claim in progress (a create)
    unsettled       text,                        -- JSON list of entries sent whose outcome is unknown
    PRIMARY KEY (user_id, key)
);
CREATE INDEX outbox_due ON outbox (user_id, state, next_attempt_at);
CREATE INDEX outbox_day ON outbox (user_id, day) WHERE deleted = 0;
CREATE INDEX outbox_logged ON outbox (user_id, created_at, seq);
-- every process's worker looks for users with something to post
CREATE INDEX outbox_waiting ON outbox (next_attempt_at) WHERE state IN ('pending', 'posting');

-- The running timer (`start`): at most one per user.
CREATE TABLE timer (
    user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id          integer NOT NULL DEFAULT 1 CHECK (id = 1),
    provider    text NOT NULL,
    entry       text NOT NULL,
    started_at  double precision NOT NULL,
    PRIMARY KEY (user_id, id)
);
