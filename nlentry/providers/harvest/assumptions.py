"""What nlentry relies on about the Harvest API v2 that the spec does not state, in one place.

Each value is named here, and the client and the mapping use it from here. The ones in `ASSUMED` are
assumptions: spec/providers.md section 7 marks them [recall] or does not give them, and the comment
above each one quotes that note. The values the documents do state are marked [doc].
"""

from __future__ import annotations

#: [doc] the API root
BASE_URL = "https://api.harvestapp.com/v2"

#: [doc] "100 requests / 15 s": nlentry's own budget, so a large sync never meets a 429
RATE_LIMIT = 100
RATE_PERIOD = 15.0

#: [doc] the `User-Agent` Harvest requires ("AppName (contact)"); the contact is the setting `contact`
USER_AGENT = "nlentry ({contact})"

#: ASSUMED (section 7: the endpoints are "[doc/recall]"): the routes, relative to the API root
ASSIGNMENTS_ROUTE = "users/me/project_assignments"
ME_ROUTE = "users/me"
ENTRIES_ROUTE = "time_entries"
STOP_ROUTE = "time_entries/{id}/stop"

#: ASSUMED (section 7: "`per_page` (1-2000)" is "[recall]"; the default is an open unknown, section 13
#: item 4): the page size asked for on every list, the top of that range
PER_PAGE = 2000

#: ASSUMED (section 7 names no way to list a token's accounts): Harvest ID's account list, answering
#: `{"user": {...}, "accounts": [{"id", "name", "product"}]}`
ACCOUNTS_URL = "https://id.getharvest.com/api/v2/accounts"

#: ASSUMED (section 7: the decimal `hours` is stated, its precision is not): hours are sent rounded
#: to this many decimals, and an entry found again matches when its hours differ by less than
#: `HOURS_MATCH` (Harvest may keep two decimals)
HOURS_DECIMALS = 4
HOURS_MATCH = 0.005

#: ASSUMED (section 7: `started_time`/`ended_time` look like `"8:00am"` "[doc links + recall]"): the
#: format of those two fields
CLOCK_FORMAT = "%I:%M%p"

#: ASSUMED (section 7 names no place for the token in Harvest's web app): where a user finds it
TOKEN_HELP = (
    "create a personal access token (the page also shows your account id) at "
    "https://id.getharvest.com/developers and run 'nlentry login harvest' again"
)

#: nlentry's own contact in the User-Agent when the setting `contact` is not given
CONTACT = "https://pypi.org/project/nlentry/"

#: nlentry's own safety stop for pagination against a server that never says it is done
MAX_PAGES = 1000

#: the names above that are assumptions (what the documents leave unknown)
ASSUMED = (
    "ASSIGNMENTS_ROUTE",
    "ME_ROUTE",
    "ENTRIES_ROUTE",
    "STOP_ROUTE",
    "PER_PAGE",
    "ACCOUNTS_URL",
    "HOURS_DECIMALS",
    "HOURS_MATCH",
    "CLOCK_FORMAT",
    "TOKEN_HELP",
)
