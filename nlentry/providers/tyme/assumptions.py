"""What nlentry relies on about Tyme's API that its document does not state, in one place.

Each value is named here, and the client, the mapping and `auth.py` use it from here. The ones in
`ASSUMED` are assumptions: spec/providers.md section 4 (and the open unknowns of section 13, item 3)
says the document leaves them unknown, and the comment above each one quotes that note. Change them
here when Tyme's behaviour is known. The values the document states are marked [doc].
"""

from __future__ import annotations

from datetime import time, timedelta

#: [doc] the API endpoint (setting `base_url`)
BASE_URL = "https://api.tyme-app.com"
#: [doc] the OAuth routes: the browser's, the code exchange and the refresh (both take client_id and
#: client_secret)
AUTHORIZE_PATH = "/v1/authorize"
ACCESS_TOKEN_PATH = "/v1/access_token"
REFRESH_TOKEN_PATH = "/v1/refresh_token"
#: [doc] every date and time on the wire: GMT+0, `Y-m-d H:i:s`
WIRE_FORMAT = "%Y-%m-%d %H:%M:%S"

#: ASSUMED (section 4: "Rate limits and error body format ... unknown"): no budget of nlentry's own by
#: default (setting `rate_limit`)
RATE_LIMIT: int | None = None
#: ASSUMED (section 4: the rate limit is unknown, so is whether a 429 says how long): the window of
#: `rate_limit`, and how long a 429 without `Retry-After` holds the client back (setting `rate_period`)
RATE_PERIOD = 60.0

#: ASSUMED (section 4: "the current n8n node uses `related_id` (= task id); the seed summary of the doc
#: used `task_id` ... which one the live server requires today is unknown"): a record names its task
#: under both
PARENT_FIELDS = ("related_id", "task_id")

#: ASSUMED (section 4: `GET /data/times?from=&to=`, their format and zone are not documented [code]):
#: they take UTC dates (`Y-m-d`, inclusive), so a local day is asked for with this margin either side
TIMES_MARGIN = timedelta(days=1)

#: ASSUMED (section 4: `update_entity` needs `time_start` and `time_end` for a finished record; the
#: document has no duration-only form): a phrase without clock times starts at this local time
#: (setting `day_start`)
DAY_START = time(9, 0)

#: nlentry's own: how far back `timer_current` looks for a running record (no "running" filter is known)
TIMER_LOOKBACK = timedelta(days=2)
#: nlentry's own safety stop for pagination (the page size of `/data/times` is unknown: the client
#: pages by offset until a page is empty or repeats)
MAX_PAGES = 1000

#: the names above that are assumptions (what the document leaves unknown)
ASSUMED = ("RATE_LIMIT", "RATE_PERIOD", "PARENT_FIELDS", "TIMES_MARGIN", "DAY_START")
