"""Booking: what happens to an entry after it is read. The user's journal (save, amend, undo, timers,
reports), the durable outbox that posts each change to the provider exactly once, the catalog sync, and
the store that keeps them (SQLite under NLENTRY_HOME by default).

Layers: the reading layer (`nlentry.parse` and below) never imports this package; the front ends
(`nlentry.cli`, `nlentry.server`) call it.
"""
