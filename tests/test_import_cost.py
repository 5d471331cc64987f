"""`import nlentry` does no work: the grammar (lark), dateparser, httpx and sqlite3 load on first use.

Run in a fresh interpreter, because this test session may have imported them already.
"""

from __future__ import annotations

import json
import subprocess
import sys

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
