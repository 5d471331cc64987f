"""What nlentry relies on about the Clockify API that the spec does not state, in one place.

Each value is named here, and the client and the mapping use it from here. The ones in `ASSUMED` are
assumptions: spec/providers.md section 6 marks them [recall] or does not give them, and the comment
above each one quotes that note. The values the documents do state are marked [doc].
"""

from __future__ import annotations

#: [doc] the API root (regional roots such as `https://euc1.clockify.me/api/v1` go in `base_url`)
BASE_URL = "https://api.clockify.me/api/v1"

#: [doc] "paid workspaces 50 requests/second": nlentry's own budget by default (setting `rate_limit`,
#: `rate_period`; a new Free workspace has 30 requests an hour: rate_limit = 30, rate_period = 3600)
RATE_LIMIT = 50
RATE_PERIOD = 1.0

#: [doc] page sizes: "`page`, `page-size`; default 50, max 5000" (projects); the largest is asked for
PAGE_SIZE = 5000

#: ASSUMED (section 6: the stop-timer route `PATCH /workspaces/{wid}/user/{uid}/time-entries` is
#: "[recall]"): that route, with the body `{"end": ...}`
STOP_ROUTE = "workspaces/{wid}/user/{uid}/time-entries"

#: ASSUMED (section 6: only projects are said to take `page`/`page-size`): clients, tags and the
#: user's time entries take the same two parameters
PAGED = ("clients", "tags", "time-entries")

#: ASSUMED (section 6: "Over limit -> 429 [recall]", no `Retry-After` given): a 429 holds the client
#: back this many seconds
PAUSE_ON_429 = 1.0

#: ASSUMED (section 6: entry ids are strings; their form is not given): Clockify's ids are
#: letters and digits (24 hex digits in practice)
ID_PATTERN = r"[0-9A-Za-z]+"

#: ASSUMED (section 6 names no place for the key in Clockify's web app): where a user finds it
TOKEN_HELP = (
    "generate a Clockify API key under Profile settings -> API "
    "(https://app.clockify.me/user/preferences#advanced) and run 'nlentry login clockify' again"
)

#: nlentry's own: the start of an entry with no clock time (Clockify needs a start; setting `day_start`)
DAY_START = "09:00"

#: nlentry's own safety stop for pagination against a server that never says it is done
MAX_PAGES = 1000

#: the names above that are assumptions (what the documents leave unknown)
ASSUMED = ("STOP_ROUTE", "PAGED", "PAUSE_ON_429", "ID_PATTERN", "TOKEN_HELP")
