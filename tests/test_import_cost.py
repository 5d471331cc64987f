"""`import nlentry` does no work: the grammar (lark), dateparser, httpx and sqlite3 load on first use.

Run in a fresh interpreter, because this test session may have imported them already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("lark", "dateparser", "httpx", "sqlite3")

CHECK = """
import importlib, json, sys
importlib.import_module({module!r})
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})))
"""


@pytest.mark.parametrize("module", ["nlentry", "nlentry.cli", "nlentry.accuracy"])
def test_import_is_cheap(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module, heavy=HEAVY)],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert json.loads(done.stdout) == [], f"import {module} loaded {done.stdout.strip()}"


def test_help_does_not_load_the_parser() -> None:
    code = (
        "import sys, json\n"
        "from nlentry.cli import main\n"
        "status = main(['--help'], env={})\n"
        f"print(json.dumps([status, sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}\n"
        "    or m == 'nlentry.api')]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=True)
    assert json.loads(done.stderr.splitlines()[-1]) == [0, []]


#: what issue 12 added beside `add` (the chart, export, edit, targets, filters, progress lines, JSON
#: Schema) and the libraries they use: none of it may load on the cold path of `add`
NOT_ON_ADD = ("matplotlib", "rich", "plotext", "jsonschema", "csv", "xml", "subprocess", "shlex",
              "nlentry.cli.chart", "nlentry.cli.export", "nlentry.cli.edit", "nlentry.cli.targets",
              "nlentry.cli.filters", "nlentry.cli.progress", "nlentry.cli.render")

ADD = """
import json, sys
from nlentry.cli import main
status = main(["add", "--dry-run", "--now", "2026-11-24T15:00:00+01:00", "2 uur overleg aan Webshop"])
print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)
"""


def test_add_loads_nothing_new(tmp_path: Path) -> None:
    catalog = Path(__file__).resolve().parent.parent / "corpus" / "catalog.json"
    env = {**os.environ, "NLENTRY_HOME": str(tmp_path / "home"), "LANG": "C"}
    subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", str(catalog)],
                   env=env, capture_output=True, check=True, timeout=60)
    done = subprocess.run([sys.executable, "-c", ADD], env=env, capture_output=True, text=True, timeout=60,
                          check=True)
    status, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    loaded = sorted(m for m in modules if m in NOT_ON_ADD or m.split(".")[0] in NOT_ON_ADD)
    assert loaded == []
    assert {"nlentry.messages", "nlentry.render"} <= set(modules)  # the one shared loader and renderer
