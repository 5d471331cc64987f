"""The peer suites (shared/peer-suites, beside the checkout) measure breadth; this guards the figures.

The issue's floor: at least 97% of all peer cases exactly right (issue 9), and at least 95% on each
duration file. The phrases are never special-cased; this only stops a grammar change from losing ground.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlentry import accuracy

PEERS = Path(__file__).resolve().parent.parent.parent / "shared" / "peer-suites"

pytestmark = pytest.mark.skipif(not PEERS.is_dir(), reason="no ../shared/peer-suites beside this checkout")


@pytest.fixture(scope="module")
def report() -> accuracy.Report:
    return accuracy.run([PEERS])


def test_overall_exact_rate(report: accuracy.Report) -> None:
    assert report.total.exact_rate >= 0.97, f"{report.total.exact_rate:.1%} of {report.total.cases}"


def test_each_duration_file(report: accuracy.Report) -> None:
    durations = [f for f in report.files if "duration" in f.path.name]
    assert durations, "no duration files found"
    for f in durations:
        assert f.exact_rate >= 0.95, f"{f.path.name}: {f.exact_rate:.1%}"
