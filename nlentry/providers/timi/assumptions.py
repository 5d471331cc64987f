"""What nlentry relies on about Timi's API that its document does not state, in one place.

Each value is named here, and the client and the mapping use it from here. The ones in `ASSUMED` are
assumptions: spec/providers.md section 1 (and the open unknowns of section 13, item 2) says the
document leaves them unknown, and the comment above each one quotes that note. Change them here when
Timi's behaviour is known. The values the document does state are marked [doc].
"""

from __future__ import annotations

#: [doc] the API root; every resource ends in `.json` (setting `base_url`)
BASE_URL = "https://timiapp.com/api/v1/"

#: ASSUMED (section 1, rate limit: "a limited number of requests per minute", "number not given ->
#: unknown"): no budget of nlentry's own by default (setting `rate_limit`)
RATE_LIMIT: int | None = None

#: ASSUMED (section 1: the limit is per minute; "no rate-limit headers documented (unknown)"): the
#: window of `rate_limit`, and how long a 429 without `Retry-After` holds the client back, in seconds
#: (setting `rate_period`)
RATE_PERIOD = 60.0

#: ASSUMED (section 1, endpoints: "Delete entry ... unknown (not documented in what was found)"): one
#: entry's route, documented for `PATCH`, is also the one to `DELETE` (Rails' resource routes)
ENTRY_ROUTE = "time_entries/{id}.json"

#: ASSUMED (section 1: "Response body of a successful create is unknown (assume the created entry
#: object)"): the entry object itself, or wrapped in this key
CREATED_WRAPPER = "time_entry"

#: ASSUMED (section 1: the list filter `date` "has no documented format"; the BitBar plugin sends
#: `YYYY-MM-DD` [code]): the format of the `date` filter of `time_entries.json`
LIST_DATE_FORMAT = "%Y-%m-%d"

#: ASSUMED (section 1, timer: `timer_started_at` "exact string format unknown"; the plugin parses it in
#: the Europe/Amsterdam zone [code]): ISO 8601, and a time without an offset is in this zone
TIMER_ZONE = "Europe/Amsterdam"

#: nlentry's own safety stop for pagination against a server that never says it is done
MAX_PAGES = 1000

#: the names above that are assumptions (what the document leaves unknown)
ASSUMED = ("RATE_LIMIT", "RATE_PERIOD", "ENTRY_ROUTE", "CREATED_WRAPPER", "LIST_DATE_FORMAT", "TIMER_ZONE")
