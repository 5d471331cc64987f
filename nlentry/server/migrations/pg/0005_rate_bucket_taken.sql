-- The JSON API admits a batch of requests in one `INSERT ... ON CONFLICT DO UPDATE` of their owners'
-- buckets: a bucket made by another process at the same instant is updated under its lock instead of
-- asked about again. What the update did must come back with the row (RETURNING sees only the new
-- values), so the bucket keeps how many tokens its last update took.

ALTER TABLE rate_buckets ADD COLUMN taken integer NOT NULL DEFAULT 0;
