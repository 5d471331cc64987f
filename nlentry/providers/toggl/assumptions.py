"""What nlentry relies on about the Toggl Track API v9 that the spec does not state, in one place.

Each value is named here, and the client and the mapping use it from here. The ones in `ASSUMED` are
assumptions: spec/providers.md section 5 marks them [recall] or does not give them, and the comment
above each one quotes that note. The values the documents do state are marked [doc].
"""

from __future__ import annotations

#: [doc] the API root; JSON only, times RFC 3339
BASE_URL = "https://api.track.toggl.com/api/v9"

#: [doc] the `created_with` every new entry must carry
CREATED_WITH = "nlentry"

#: [doc] "a safe window will be 1 request per second": nlentry's own budget is one request a second
RATE_LIMIT = 1
RATE_PERIOD = 1.0

#: ASSUMED (section 5, endpoints: `/me`, `/workspaces`, projects, tags, clients, tasks, stop, update,
#: delete and the list are all "[recall]"): the routes, relative to the API root
ME_ROUTE = "me"
WORKSPACES_ROUTE = "workspaces"
CLIENTS_ROUTE = "workspaces/{wid}/clients"
PROJECTS_ROUTE = "workspaces/{wid}/projects"
TAGS_ROUTE = "workspaces/{wid}/tags"
TASKS_ROUTE = "workspaces/{wid}/projects/{pid}/tasks"
ENTRY_ROUTE = "workspaces/{wid}/time_entries/{id}"
STOP_ROUTE = "workspaces/{wid}/time_entries/{id}/stop"
LIST_ROUTE = "me/time_entries"

#: ASSUMED (section 5: projects take "params `active`, `page`, `per_page` [recall]"; no page size is
#: given): the page size asked for, and a page shorter than it is the last
PROJECTS_PER_PAGE = 200

#: ASSUMED (section 5: the list takes `start_date=&end_date=` "[recall]", format not given): dates
#: `YYYY-MM-DD`, the end date excluded
LIST_DATE_FORMAT = "%Y-%m-%d"

#: ASSUMED (section 5: the current entry "returns the bare object or `null`; verify"): a `data` wrapper
#: is read too
CURRENT_WRAPPER = "data"

#: ASSUMED (section 5: quota headers `X-Toggl-Quota-Remaining`, `X-Toggl-Quota-Resets-In` "[recall,
#: unverified]"): the header saying in how many seconds the hourly quota frees up
QUOTA_RESETS_IN = "X-Toggl-Quota-Resets-In"

#: ASSUMED (section 5: the quota is an "hourly sliding-window"; a 402 without the header says nothing
#: of when): the quota is taken as used up for a whole hour
QUOTA_WINDOW = 3600.0

#: ASSUMED (section 5 names no place for the token in Toggl's web app): where a user finds it
TOKEN_HELP = (
    "your Toggl Track API token is at the bottom of your profile page, "
    "https://track.toggl.com/profile (run 'nlentry login toggl' again)"
)

#: nlentry's own: the start of an entry with no clock time (Toggl needs a start; setting `day_start`)
DAY_START = "09:00"

#: nlentry's own safety stop for pagination against a server that never says it is done
MAX_PAGES = 1000

#: the names above that are assumptions (what the documents leave unknown)
ASSUMED = (
    "ME_ROUTE",
    "WORKSPACES_ROUTE",
    "CLIENTS_ROUTE",
    "PROJECTS_ROUTE",
    "TAGS_ROUTE",
    "TASKS_ROUTE",
    "ENTRY_ROUTE",
    "STOP_ROUTE",
    "LIST_ROUTE",
    "PROJECTS_PER_PAGE",
    "LIST_DATE_FORMAT",
    "CURRENT_WRAPPER",
    "QUOTA_RESETS_IN",
    "QUOTA_WINDOW",
    "TOKEN_HELP",
)
