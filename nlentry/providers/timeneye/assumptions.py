"""What nlentry relies on about Timeneye's current API that no document it could read states, in one place.

Each value is named here, and the client, the mapping and `auth.py` use it from here. The ones in
`ASSUMED` are assumptions: spec/providers.md section 2 (and the open unknowns of section 13, item 1)
says they are unknown (the OpenAPI reference was not available), and the comment above each one
quotes that note. Change them here when Timeneye's behaviour is known. Values a document states are
marked [doc].
"""

from __future__ import annotations

#: ASSUMED (section 2, base URL: used identically by two independent clients [code]; the API reference
#: "was not in any corpus"): the API root (setting `base_url`)
BASE_URL = "https://api.timeneye.com/api/v1"

#: ASSUMED (section 2: the authorize URL `https://api.timeneye.com/oauth/authorize` comes from the seed
#: notes): the OAuth routes hang off the server root, the API base URL without this suffix
API_PREFIX = "/api/v1"

#: ASSUMED (section 2: the authorize URL is from the seed notes, not a document)
AUTHORIZE_PATH = "/oauth/authorize"

#: ASSUMED (section 2: "Token endpoint URL: unknown"; Laravel Passport's route is inferred from the
#: pagination shape): where codes and refresh tokens are traded
TOKEN_PATH = "/oauth/token"

#: ASSUMED (section 2, endpoints: "update / delete entry ... unknown"): Laravel's resource route of one
#: entry, beside the documented `GET`/`POST /entries`, for `PATCH` and `DELETE`
ENTRY_ROUTE = "entries/{id}"

#: ASSUMED (section 2: "which names the server actually accepts is unknown"; a CLI sends `minutes`/`date`,
#: the list answers `entry_minutes`/`entry_date`): the create/update body sends both spellings
DURATION_FIELDS = ("minutes", "entry_minutes")
DATE_FIELDS = ("date", "entry_date")

#: ASSUMED (section 2: "the real mechanism to include phases is unknown -- maybe `?load[]=phases`"; the
#: CLI sends the JSON body `{"load": ["phases"]}` on the GET): both are sent with `GET /projects`
PHASES_QUERY = {"load[]": "phases"}
PHASES_BODY = {"load": ["phases"]}

#: ASSUMED (section 2: `per_page` "client caps at 100" [code]; the server's maximum is unknown): rows
#: asked for per page of every list
PER_PAGE = 100

#: [doc] requests per 5-minute window by plan (Microsoft connector page)
PLAN_LIMITS = {"free": 500, "business": 2000, "pro": 2000}
#: [doc] the rate window, in seconds
RATE_WINDOW = 300.0

#: nlentry's own safety stop for pagination against a server that never says it is done
MAX_PAGES = 1000

#: the names above that are assumptions (what no document states)
ASSUMED = ("BASE_URL", "API_PREFIX", "AUTHORIZE_PATH", "TOKEN_PATH", "ENTRY_ROUTE", "DURATION_FIELDS",
           "DATE_FIELDS", "PHASES_QUERY", "PHASES_BODY", "PER_PAGE")
