"""Booking: what happens to an entry after it is read. The user's journal (save, amend, undo, timers,
reports), the durable outbox that posts each change to the provider exactly once, the catalog sync, and
where they are kept: a small storage protocol (`storage.BookingStorage`) with two implementations that
share their statements (`sql`): a SQLite file under NLENTRY_HOME (`store.Store`, the default) and
PostgreSQL for the server (`postgres.PostgresBooking`, one user's rows among many).

Layers: the reading layer (`nlentry.parse` and below) never imports this package; the front ends
(`nlentry.cli`, `nlentry.server`) call it.
"""
